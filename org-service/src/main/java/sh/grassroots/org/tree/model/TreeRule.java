package sh.grassroots.org.tree.model;

import sh.grassroots.org.common.model.Rule;

/** The rules of changing an organization that already exists. */
public enum TreeRule implements Rule {
    ORGANIZATION_DISSOLVED("organization-dissolved", true),
    NAME_UNCHANGED("rename-name-unchanged", true),
    MOVE_WOULD_CREATE_CYCLE("move-would-create-cycle", false),
    MOVE_TO_CURRENT_PARENT("move-to-current-parent", true),
    ROOT_MUST_BE_COMMITTEE("placement-root-must-be-committee", false),
    PARENT_CANNOT_HOLD_KIND("placement-parent-cannot-hold-kind", false),
    PARENT_IN_OTHER_DISTRICT("placement-parent-in-other-district", false),
    PARENT_DISSOLVED("placement-parent-dissolved", true),
    DISSOLVED_BEFORE_FOUNDING("dissolve-before-founding", false),
    DISSOLVED_IN_FUTURE("dissolve-in-future", false),
    HAS_ACTIVE_CHILDREN("dissolve-has-active-children", true),
    HAS_ACTIVE_MEMBERS("dissolve-has-active-members", true);

    private final String slug;
    private final boolean dependsOnState;

    TreeRule(String slug, boolean dependsOnState) {
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
