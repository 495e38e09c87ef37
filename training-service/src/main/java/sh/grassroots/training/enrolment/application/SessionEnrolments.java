package sh.grassroots.training.enrolment.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.events.TrainingEvents;
import sh.grassroots.training.enrolment.model.Cancellation;
import sh.grassroots.training.enrolment.model.EnrolmentStatus;
import sh.grassroots.training.enrolment.persistence.EnrolmentEntity;
import sh.grassroots.training.session.application.SessionSeats;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What closing a session does to its enrolments (see the session feature's {@code CloseSession}):
 * all of them end at once. Runs in the caller's transaction, with the session locked.
 */
@ApplicationScoped
public class SessionEnrolments {
    private final SessionSeats seats;
    private final EnrolmentRecords records;
    private final Clock clock;

    public SessionEnrolments(SessionSeats seats, EnrolmentRecords records, Clock clock) {
        this.seats = seats;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Every active enrolment is cancelled with the reason and its seat released; nobody is offered
     * a seat in a session that will not take place. Returns how many were cancelled.
     */
    public Uni<Integer> cancelAll(UUID sessionId, String why, Cancellation.Canceller canceller) {
        return EnrolmentEntity.<EnrolmentEntity>list("sessionId = ?1 and status in ?2 order by position", sessionId,
                        List.of(EnrolmentStatus.CONFIRMED, EnrolmentStatus.WAITLISTED, EnrolmentStatus.OFFERED))
                .chain(active -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (EnrolmentEntity e : active) {
                        chain = chain.chain(() -> {
                            boolean freesASeat = e.status.holdsASeat();
                            records.markCancelled(e, why, canceller);
                            return EnrolmentRecords.flush().chain(() -> records.recordCancelled(e))
                                    .chain(() -> freesASeat ? seats.release(sessionId, e.quotaGroupId)
                                            : Uni.createFrom().voidItem());
                        });
                    }
                    return chain.replaceWith(active.size());
                });
    }

    /** Confirmed people who were not checked in become no-shows; returns how many. */
    public Uni<Integer> recordNoShows(UUID sessionId) {
        return EnrolmentEntity.<EnrolmentEntity>list("sessionId = ?1 and status = ?2 order by position", sessionId,
                        EnrolmentStatus.CONFIRMED)
                .chain(absent -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (EnrolmentEntity e : absent) {
                        chain = chain.chain(() -> {
                            e.status = EnrolmentStatus.NO_SHOW;
                            e.closedAt = OffsetDateTime.now(clock);
                            return EnrolmentRecords.flush()
                                    .chain(() -> records.record(TrainingEvents.NO_SHOW_RECORDED, e, null));
                        });
                    }
                    return chain.replaceWith(absent.size());
                });
    }
}
