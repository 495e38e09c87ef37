package sh.grassroots.training.credit.model;

import sh.grassroots.platform.rules.Rule;
import sh.grassroots.platform.rules.RuleKind;

/**
 * The rules of the credit feature, each with its kind once (CONFLICT: clashes with the current state,
 * 409; INVALID: the request can never succeed as written, 422). The slug is the problem's type.
 */
public enum CreditRule implements Rule {
    CREDIT_ALREADY_AWARDED("credit-already-awarded", RuleKind.CONFLICT),
    CREDIT_ALREADY_REVERSED("credit-already-reversed", RuleKind.CONFLICT),
    CREDIT_REVERSAL_OF_REVERSAL("credit-reversal-of-reversal", RuleKind.INVALID),
    CREDIT_REVERSAL_REASON_REQUIRED("credit-reversal-reason-required", RuleKind.INVALID);

    private final String slug;
    private final RuleKind kind;

    CreditRule(String slug, RuleKind kind) {
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
