package sh.grassroots.training.session.model;

import java.util.Optional;
import java.util.UUID;

/**
 * Seats reserved per group, e.g. five seats for each member unit of a joint conference, so that
 * one large unit cannot fill a popular lesson on its own.
 */
public record SeatQuota(By by, int seatsPerGroup) {

    public enum By {
        NONE,
        MEMBER_UNIT,
        BRANCH
    }

    public static SeatQuota none() {
        return new SeatQuota(By.NONE, 0);
    }

    public static SeatQuota perMemberUnit(int seats) {
        return new SeatQuota(By.MEMBER_UNIT, seats);
    }

    public static SeatQuota perBranch(int seats) {
        return new SeatQuota(By.BRANCH, seats);
    }

    /** The group a learner's seat counts against, or empty when the session has no quota. */
    public Optional<UUID> groupOf(UUID homeOrganizationId, UUID memberUnitId) {
        if (by == By.MEMBER_UNIT) {
            return Optional.ofNullable(memberUnitId);
        }
        if (by == By.BRANCH) {
            return Optional.ofNullable(homeOrganizationId);
        }
        return Optional.empty();
    }
}
