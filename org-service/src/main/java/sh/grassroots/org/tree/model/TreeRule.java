package sh.grassroots.org.tree.model;

import sh.grassroots.platform.rules.Rule;
import sh.grassroots.platform.rules.RuleKind;

/** The rules of changing an organization that already exists. */
public enum TreeRule implements Rule {
    ORGANIZATION_DISSOLVED("organization-dissolved", RuleKind.CONFLICT),
    UNKNOWN_PARENT("unknown-parent", RuleKind.INVALID),
    NAME_UNCHANGED("rename-name-unchanged", RuleKind.CONFLICT),
    MOVE_WOULD_CREATE_CYCLE("move-would-create-cycle", RuleKind.INVALID),
    MOVE_TO_CURRENT_PARENT("move-to-current-parent", RuleKind.CONFLICT),
    UNKNOWN_DISTRICT("placement-unknown-district", RuleKind.INVALID),
    ROOT_MUST_BE_COMMITTEE("placement-root-must-be-committee", RuleKind.INVALID),
    PARENT_CANNOT_HOLD_KIND("placement-parent-cannot-hold-kind", RuleKind.INVALID),
    PARENT_IN_OTHER_DISTRICT("placement-parent-in-other-district", RuleKind.INVALID),
    PARENT_DISSOLVED("placement-parent-dissolved", RuleKind.CONFLICT),
    DISSOLVED_BEFORE_FOUNDING("dissolve-before-founding", RuleKind.INVALID),
    DISSOLVED_IN_FUTURE("dissolve-in-future", RuleKind.INVALID),
    HAS_ACTIVE_CHILDREN("dissolve-has-active-children", RuleKind.CONFLICT),
    HAS_ACTIVE_MEMBERS("dissolve-has-active-members", RuleKind.CONFLICT);

    private final String slug;
    private final RuleKind kind;

    TreeRule(String slug, RuleKind kind) {
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
