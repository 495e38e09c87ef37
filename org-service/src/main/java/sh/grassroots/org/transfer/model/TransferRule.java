package sh.grassroots.org.transfer.model;

import sh.grassroots.org.common.model.Rule;

public enum TransferRule implements Rule {
    MEMBER_HAS_LEFT("transfer-member-has-left", true),
    TARGET_DISSOLVED("transfer-target-dissolved", true),
    TARGET_MUST_BE_BRANCH("transfer-target-must-be-branch", false),
    TARGET_IS_CURRENT_HOME("transfer-target-is-current-home", false),
    ALREADY_OPEN("transfer-already-open", true),
    NOT_AWAITING_DECISION("transfer-not-awaiting-decision", true),
    NOT_ACCEPTED("transfer-not-accepted", true),
    NO_LONGER_CANCELLABLE("transfer-no-longer-cancellable", true);

    private final String slug;
    private final boolean dependsOnState;

    TransferRule(String slug, boolean dependsOnState) {
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
