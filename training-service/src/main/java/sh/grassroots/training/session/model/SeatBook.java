package sh.grassroots.training.session.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The seats of one session: a counter against capacity and, with a quota, a counter per group.
 * Held offers count as taken, so a seat offered to the waitlist cannot be given to a newcomer.
 *
 * <p>The database keeps the same counters and claims a seat with one conditional update per
 * counter, which is what actually prevents over-enrolment under concurrency; this class states
 * the rule so it can be tested and read in one place.
 */
public final class SeatBook {

    public sealed interface Claim permits Seated, NoSeat {
    }

    public record Seated() implements Claim {
    }

    public record NoSeat(Reason reason) implements Claim {
    }

    public enum Reason {
        SESSION_FULL,
        QUOTA_EXHAUSTED
    }

    private final int capacity;
    private final int seatsPerGroup;
    private int taken;
    private final Map<UUID, Integer> takenByGroup = new HashMap<>();

    public SeatBook(int capacity, int seatsPerGroup) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.seatsPerGroup = seatsPerGroup;
    }

    public Claim claim(Optional<UUID> group) {
        if (taken >= capacity) {
            return new NoSeat(Reason.SESSION_FULL);
        }
        if (group.isPresent() && takenByGroup.getOrDefault(group.get(), 0) >= seatsPerGroup) {
            return new NoSeat(Reason.QUOTA_EXHAUSTED);
        }
        taken++;
        group.ifPresent(g -> takenByGroup.merge(g, 1, Integer::sum));
        return new Seated();
    }

    public void release(Optional<UUID> group) {
        if (taken == 0) {
            throw new IllegalStateException("no seat to release");
        }
        taken--;
        group.ifPresent(g -> takenByGroup.computeIfPresent(g, (k, n) -> n - 1));
    }

    public boolean hasRoomFor(Optional<UUID> group) {
        return taken < capacity && (group.isEmpty() || takenByGroup.getOrDefault(group.get(), 0) < seatsPerGroup);
    }

    public int taken() {
        return taken;
    }
}
