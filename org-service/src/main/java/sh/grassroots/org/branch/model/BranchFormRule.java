package sh.grassroots.org.branch.model;

import sh.grassroots.platform.rules.Rule;
import sh.grassroots.platform.rules.RuleKind;

public enum BranchFormRule implements Rule {
    FORM_ONLY_ON_BRANCH("branch-form-only-on-branch", RuleKind.INVALID),
    FIELD_MISSING("branch-form-field-missing", RuleKind.INVALID),
    FIELD_NOT_FOR_FORM("branch-form-field-not-for-form", RuleKind.INVALID),
    MALFORMED_CRITERIA("malformed-criteria", RuleKind.INVALID),
    TEMPORARY_ENDS_BEFORE_START("temporary-branch-ends-before-start", RuleKind.INVALID),
    GRID_NUMBER_NOT_POSITIVE("grid-number-not-positive", RuleKind.INVALID),
    GRID_AREA_NOT_POSITIVE("grid-area-not-positive", RuleKind.INVALID),
    GRID_HOUSEHOLDS_NEGATIVE("grid-households-negative", RuleKind.INVALID),
    GRID_POLYGON_INVALID("grid-polygon-invalid", RuleKind.INVALID),
    GRID_WITHOUT_VILLAGE("grid-without-village", RuleKind.INVALID),
    GRID_NUMBER_TAKEN("grid-number-taken", RuleKind.CONFLICT),
    DIRECTLY_MANAGED_IN_SHANGHAI("directly-managed-located-in-shanghai", RuleKind.INVALID),
    NOT_TEMPORARY("branch-not-temporary", RuleKind.INVALID),
    NOT_FUNCTIONAL("branch-not-functional", RuleKind.INVALID),
    EXTENSION_NOT_LATER("temporary-extension-not-later", RuleKind.INVALID),
    EXTENSION_IN_PAST("temporary-extension-in-past", RuleKind.INVALID),
    NOT_A_VILLAGE("village-must-be-general-branch", RuleKind.INVALID),
    VILLAGE_AREA_NOT_POSITIVE("village-area-not-positive", RuleKind.INVALID);

    private final String slug;
    private final RuleKind kind;

    BranchFormRule(String slug, RuleKind kind) {
        this.slug = slug;
        this.kind = kind;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public RuleKind kind() {
        return kind;
    }
}
