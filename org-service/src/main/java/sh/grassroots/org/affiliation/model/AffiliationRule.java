package sh.grassroots.org.affiliation.model;

import sh.grassroots.org.common.model.Rule;

public enum AffiliationRule implements Rule {
    BRANCH_TAKES_NO_AFFILIATIONS("affiliation-branch-not-functional-or-temporary", false),
    BRANCH_DISSOLVED("affiliation-branch-dissolved", true),
    TEMPORARY_BRANCH_ENDED("affiliation-temporary-branch-ended", true),
    OWN_HOME("affiliation-to-own-home", false),
    MEMBER_HAS_LEFT("affiliation-member-has-left", true),
    MEMBER_IN_OTHER_DISTRICT("affiliation-member-in-other-district", false),
    ALREADY_AFFILIATED("affiliation-already-active", true),
    CRITERIA_NOT_MET("affiliation-criteria-not-met", true),
    NOT_AFFILIATED("affiliation-not-active", true),
    INVALID_ATTRIBUTES("invalid-member-attributes", false);

    private final String slug;
    private final boolean dependsOnState;

    AffiliationRule(String slug, boolean dependsOnState) {
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
