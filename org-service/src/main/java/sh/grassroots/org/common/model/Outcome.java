package sh.grassroots.org.common.model;

/**
 * What a rule-checked operation gives back: the change it made, or the rule that refused it.
 * Breaking a business rule is an expected answer, not an exception.
 *
 * @param <T> the change the operation makes when it is allowed
 */
public sealed interface Outcome<T> permits Outcome.Done, Outcome.Refused {

    record Done<T>(T change) implements Outcome<T> {
    }

    record Refused<T>(Rule rule, String detail) implements Outcome<T> {
    }

    static <T> Outcome<T> done(T change) {
        return new Done<>(change);
    }

    static <T> Outcome<T> refused(Rule rule, String detail) {
        return new Refused<>(rule, detail);
    }
}
