package sh.grassroots.org.affiliation.model;

import sh.grassroots.platform.rules.Rule;
import sh.grassroots.platform.rules.RuleKind;

public enum AffiliationRule implements Rule {
    BRANCH_TAKES_NO_AFFILIATIONS("affiliation-branch-not-functional-or-temporary", RuleKind.INVALID),
    BRANCH_DISSOLVED("affiliation-branch-dissolved", RuleKind.CONFLICT),
    TEMPORARY_BRANCH_ENDED("affiliation-temporary-branch-ended", RuleKind.CONFLICT),
    OWN_HOME("affiliation-to-own-home", RuleKind.INVALID),
    MEMBER_HAS_LEFT("affiliation-member-has-left", RuleKind.CONFLICT),
    MEMBER_IN_OTHER_DISTRICT("affiliation-member-in-other-district", RuleKind.INVALID),
    ALREADY_AFFILIATED("affiliation-already-active", RuleKind.CONFLICT),
    CRITERIA_NOT_MET("affiliation-criteria-not-met", RuleKind.CONFLICT),
    NOT_AFFILIATED("affiliation-not-active", RuleKind.CONFLICT),
    INVALID_ATTRIBUTES("invalid-member-attributes", RuleKind.INVALID),
    UNKNOWN_MEMBER("unknown-member", RuleKind.INVALID);

    private final String slug;
    private final RuleKind kind;

    AffiliationRule(String slug, RuleKind kind) {
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
