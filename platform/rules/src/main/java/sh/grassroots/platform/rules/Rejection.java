package sh.grassroots.platform.rules;

import java.util.Objects;

/** A broken rule, as a value: which rule, and a detail for people (with the data that broke it). */
public record Rejection(Rule rule, String detail) {
    public Rejection {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }

    public String slug() {
        return rule.slug();
    }

    public RuleKind kind() {
        return rule.kind();
    }
}
