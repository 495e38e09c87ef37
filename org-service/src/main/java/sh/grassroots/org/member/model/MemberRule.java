package sh.grassroots.org.member.model;

import sh.grassroots.org.common.model.Rule;

public enum MemberRule implements Rule {
    HOME_MUST_BE_BRANCH("member-home-must-be-branch", false),
    HOME_DISSOLVED("member-home-dissolved", true),
    ADMITTED_IN_FUTURE("member-admitted-in-future", false),
    PROBATION_NOT_OVER("member-probation-not-over", false),
    ALREADY_FULL("member-already-full", true),
    ONLY_PROBATIONARY_TO_FULL("member-status-change-not-allowed", false),
    MEMBER_HAS_LEFT("member-has-left", true),
    CHANGE_IN_FUTURE("member-change-in-future", false),
    LEFT_BEFORE_ADMISSION("member-left-before-admission", false);

    private final String slug;
    private final boolean dependsOnState;

    MemberRule(String slug, boolean dependsOnState) {
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
