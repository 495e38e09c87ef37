package sh.grassroots.org.branch.model;

import sh.grassroots.org.common.model.Rule;

public enum BranchFormRule implements Rule {
    FORM_ONLY_ON_BRANCH("branch-form-only-on-branch", false),
    FIELD_MISSING("branch-form-field-missing", false),
    FIELD_NOT_FOR_FORM("branch-form-field-not-for-form", false),
    MALFORMED_CRITERIA("malformed-criteria", false),
    TEMPORARY_ENDS_BEFORE_START("temporary-branch-ends-before-start", false),
    GRID_NUMBER_NOT_POSITIVE("grid-number-not-positive", false),
    GRID_AREA_NOT_POSITIVE("grid-area-not-positive", false),
    GRID_HOUSEHOLDS_NEGATIVE("grid-households-negative", false),
    GRID_POLYGON_INVALID("grid-polygon-invalid", false),
    GRID_WITHOUT_VILLAGE("grid-without-village", false),
    GRID_NUMBER_TAKEN("grid-number-taken", true),
    DIRECTLY_MANAGED_IN_SHANGHAI("directly-managed-located-in-shanghai", false),
    NOT_TEMPORARY("branch-not-temporary", false),
    NOT_FUNCTIONAL("branch-not-functional", false),
    EXTENSION_NOT_LATER("temporary-extension-not-later", false),
    EXTENSION_IN_PAST("temporary-extension-in-past", false),
    NOT_A_VILLAGE("village-must-be-general-branch", false),
    VILLAGE_AREA_NOT_POSITIVE("village-area-not-positive", false);

    private final String slug;
    private final boolean dependsOnState;

    BranchFormRule(String slug, boolean dependsOnState) {
        this.slug = slug;
        this.dependsOnState = dependsOnState;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public boolean dependsOnState() {
        return dependsOnState;
    }
}
