package sh.grassroots.platform.rules;

import java.util.List;
import java.util.Objects;

/**
 * A named business rule. The slug is what clients and tests switch on (it becomes the problem's
 * {@code type}), so it never changes; the kind says what sort of refusal breaking it is. A
 * service declares its rules once, usually as an enum implementing this interface, each constant
 * with its kind, so that no status code and no list of "conflict" slugs lives anywhere else.
 */
public interface Rule {
    String slug();

    RuleKind kind();

    /** This rule refusing, with a detail for people. */
    default Rejection rejects(String detail) {
        return new Rejection(this, detail);
    }

    /** This rule refusing because of the named request fields (each reported with the detail). */
    default Rejection rejects(String detail, List<String> fields) {
        return new Rejection(this, detail, fields);
    }

    /** A rule named in one place only (an enum is better once a feature has several). */
    static Rule of(String slug, RuleKind kind) {
        return new Named(slug, kind);
    }

    record Named(String slug, RuleKind kind) implements Rule {
        public Named {
            Objects.requireNonNull(slug, "slug");
            Objects.requireNonNull(kind, "kind");
            if (slug.isBlank() || !slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalArgumentException("a rule's slug is lower-case words joined by '-': " + slug);
            }
        }
    }
}
