package sh.grassroots.platform.rules;

import java.util.List;
import java.util.Objects;

/**
 * A broken rule, as a value: which rule, a detail for people (with the data that broke it), and
 * the request fields it concerns when the model knows them (empty otherwise).
 */
public record Rejection(Rule rule, String detail, List<String> fields) {
    public Rejection {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
        fields = List.copyOf(fields);
    }

    public Rejection(Rule rule, String detail) {
        this(rule, detail, List.of());
    }

    public String slug() {
        return rule.slug();
    }

    public RuleKind kind() {
        return rule.kind();
    }
}
