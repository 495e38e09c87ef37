package sh.grassroots.training.course.model;

import sh.grassroots.platform.rules.Rule;
import sh.grassroots.platform.rules.RuleKind;

/**
 * The rules of the course feature, each with its kind once (CONFLICT: clashes with the current state,
 * 409; INVALID: the request can never succeed as written, 422). The slug is the problem's type.
 */
public enum CourseRule implements Rule {
    CREDIT_HOURS_INVALID("credit-hours-invalid", RuleKind.INVALID),
    PROVIDER_UNKNOWN("provider-unknown", RuleKind.INVALID);

    private final String slug;
    private final RuleKind kind;

    CourseRule(String slug, RuleKind kind) {
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
