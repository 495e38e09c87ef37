package sh.grassroots.training.common.model;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A named rule over some facts: empty when the facts satisfy it. A policy is an ordered list of
 * rules and the first rejection wins, so the user is told the most basic problem first.
 */
public record Rule<T>(String name, Function<T, Optional<Rejection>> check) {

    public static <T> Optional<Rejection> firstBroken(List<Rule<T>> policy, T facts) {
        for (Rule<T> rule : policy) {
            Optional<Rejection> rejection = rule.check().apply(facts);
            if (rejection.isPresent()) {
                return rejection;
            }
        }
        return Optional.empty();
    }
}
