package sh.grassroots.platform.rules;

import java.util.Objects;
import java.util.function.Function;

/**
 * What a rule-checked decision gives back: the value it allows, or the rejection that refused it.
 * Breaking a business rule is an expected answer, not an exception.
 *
 * @param <T> what the decision yields when it is allowed
 */
public sealed interface Outcome<T> permits Outcome.Done, Outcome.Rejected {

    record Done<T>(T value) implements Outcome<T> {
    }

    record Rejected<T>(Rejection rejection) implements Outcome<T> {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }

        public Rule rule() {
            return rejection.rule();
        }

        public String detail() {
            return rejection.detail();
        }
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> rejected(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    static <T> Outcome<T> rejected(Rule rule, String detail) {
        return new Rejected<>(new Rejection(rule, detail));
    }

    default boolean isDone() {
        return this instanceof Done<T>;
    }

    default <R> Outcome<R> map(Function<? super T, ? extends R> f) {
        if (this instanceof Done<T> done) {
            return new Done<>(f.apply(done.value()));
        }
        return new Rejected<>(((Rejected<T>) this).rejection());
    }

    default <R> Outcome<R> flatMap(Function<? super T, Outcome<R>> f) {
        if (this instanceof Done<T> done) {
            return f.apply(done.value());
        }
        return new Rejected<>(((Rejected<T>) this).rejection());
    }
}
