package sh.grassroots.org.member.model;

import sh.grassroots.platform.rules.Rule;
import sh.grassroots.platform.rules.RuleKind;

public enum MemberRule implements Rule {
    HOME_MUST_BE_BRANCH("member-home-must-be-branch", RuleKind.INVALID),
    HOME_DISSOLVED("member-home-dissolved", RuleKind.CONFLICT),
    ADMITTED_IN_FUTURE("member-admitted-in-future", RuleKind.INVALID),
    PROBATION_NOT_OVER("member-probation-not-over", RuleKind.INVALID),
    ALREADY_FULL("member-already-full", RuleKind.CONFLICT),
    ONLY_PROBATIONARY_TO_FULL("member-status-change-not-allowed", RuleKind.INVALID),
    MEMBER_HAS_LEFT("member-has-left", RuleKind.CONFLICT),
    CHANGE_IN_FUTURE("member-change-in-future", RuleKind.INVALID),
    LEFT_BEFORE_ADMISSION("member-left-before-admission", RuleKind.INVALID),
    INVALID_PERSONAL_DATA("invalid-personal-data", RuleKind.INVALID),
    ALREADY_REGISTERED("member-already-registered", RuleKind.CONFLICT),
    UNKNOWN_HOME("unknown-organization", RuleKind.INVALID);

    private final String slug;
    private final RuleKind kind;

    MemberRule(String slug, RuleKind kind) {
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
