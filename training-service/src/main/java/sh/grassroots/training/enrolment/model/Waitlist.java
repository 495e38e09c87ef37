package sh.grassroots.training.enrolment.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Who gets a freed seat: the person who has waited longest (lowest arrival position) among those
 * whose quota group still has room. Someone whose own unit's quota is used up does not block
 * the people behind them.
 */
public final class Waitlist {

    public record Entry(UUID enrolmentId, long position, Optional<UUID> group) {
    }

    private Waitlist() {
    }

    public static Optional<Entry> next(List<Entry> waiting, Predicate<Optional<UUID>> groupHasRoom) {
        return waiting.stream()
                .sorted(Comparator.comparingLong(Entry::position))
                .filter(e -> groupHasRoom.test(e.group()))
                .findFirst();
    }

    /** A person's place in line, 1 for the next to be offered a seat; empty when not waiting. */
    public static Optional<Integer> placeOf(List<Entry> waiting, UUID enrolmentId) {
        List<Entry> ordered = waiting.stream().sorted(Comparator.comparingLong(Entry::position)).toList();
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).enrolmentId().equals(enrolmentId)) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }
}
