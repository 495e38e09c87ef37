package sh.grassroots.training.session.application;

import sh.grassroots.training.session.model.SeatQuota;
import sh.grassroots.training.session.persistence.SessionEntity;
import sh.grassroots.training.venue.model.VenueSaga;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A session as read under its row lock ({@link SessionSeats#lock}): what enrolment's rules, seats,
 * holds and cancellations need of it, as of that lock, without handing out the entity.
 *
 * @param open      false once the session is cancelled
 * @param scheduled true while it is scheduled (its room, if any, confirmed)
 */
public record LockedSession(UUID id, UUID courseId, boolean open, boolean scheduled, Instant startsAt, Instant endsAt,
                            Instant enrolmentOpensAt, Instant enrolmentClosesAt, Instant cancellationDeadline,
                            SeatQuota quota, Duration holdWindow, VenueSaga.Stage venueStage, UUID stationRoomId,
                            UUID venueRequestId) {

    static LockedSession of(SessionEntity s) {
        return new LockedSession(s.id, s.courseId, s.status != SessionEntity.Status.CANCELLED,
                s.status == SessionEntity.Status.SCHEDULED, s.startsAt.toInstant(), s.endsAt.toInstant(),
                s.enrolmentOpensAt.toInstant(), s.enrolmentClosesAt.toInstant(), s.cancellationDeadline.toInstant(),
                s.quota(), s.holdWindow(), s.venueStage(), s.stationRoomId, s.venueRequestId);
    }

    public int seatsPerGroup() {
        return quota.seatsPerGroup();
    }
}
