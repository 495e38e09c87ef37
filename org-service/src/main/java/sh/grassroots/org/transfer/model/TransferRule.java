package sh.grassroots.org.transfer.model;

import sh.grassroots.platform.rules.Rule;
import sh.grassroots.platform.rules.RuleKind;

public enum TransferRule implements Rule {
    MEMBER_HAS_LEFT("transfer-member-has-left", RuleKind.CONFLICT),
    TARGET_DISSOLVED("transfer-target-dissolved", RuleKind.CONFLICT),
    TARGET_MUST_BE_BRANCH("transfer-target-must-be-branch", RuleKind.INVALID),
    TARGET_IS_CURRENT_HOME("transfer-target-is-current-home", RuleKind.INVALID),
    ALREADY_OPEN("transfer-already-open", RuleKind.CONFLICT),
    NOT_AWAITING_DECISION("transfer-not-awaiting-decision", RuleKind.CONFLICT),
    NOT_ACCEPTED("transfer-not-accepted", RuleKind.CONFLICT),
    NO_LONGER_CANCELLABLE("transfer-no-longer-cancellable", RuleKind.CONFLICT);

    private final String slug;
    private final RuleKind kind;

    TransferRule(String slug, RuleKind kind) {
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
