package sh.grassroots.training.common.model;

import sh.grassroots.platform.rules.Rejection;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A named check of one rule over some facts: empty when the facts satisfy it. A policy is an
 * ordered list of checks and the first rejection wins, so the user is told the most basic problem
 * first. (The rule itself, its slug and kind, is a platform {@code Rule}.)
 */
public record Check<T>(String name, Function<T, Optional<Rejection>> check) {

    public static <T> Optional<Rejection> firstBroken(List<Check<T>> policy, T facts) {
        for (Check<T> rule : policy) {
            Optional<Rejection> rejection = rule.check().apply(facts);
            if (rejection.isPresent()) {
                return rejection;
            }
        }
        return Optional.empty();
    }
}
