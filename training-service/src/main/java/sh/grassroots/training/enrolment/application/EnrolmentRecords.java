package sh.grassroots.training.enrolment.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.events.TrainingEvents;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.training.enrolment.model.Cancellation;
import sh.grassroots.training.enrolment.model.EnrolmentStatus;
import sh.grassroots.training.enrolment.model.Waitlist;
import sh.grassroots.training.enrolment.persistence.EnrolmentEntity;
import sh.grassroots.training.session.application.LockedSession;
import sh.grassroots.training.session.application.SessionSeats;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the enrolment use cases share: reading an enrolment under its session's lock, its view,
 * and the events that record each change. Always in the caller's session and transaction.
 */
@ApplicationScoped
public class EnrolmentRecords {
    private final SessionSeats seats;
    private final Outbox outbox;
    private final Clock clock;

    public EnrolmentRecords(SessionSeats seats, Outbox outbox, Clock clock) {
        this.seats = seats;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Locked(LockedSession session, EnrolmentEntity enrolment) {
    }

    /** Whose enrolment it is and in which session, read without loading the entity (it is read again under the lock). */
    public record Parties(UUID personId, UUID sessionId) {
    }

    public Uni<Parties> parties(UUID enrolmentId) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(
                                "select person_id::text, session_id::text from enrolment where id = ?1", Object[].class)
                        .setParameter(1, enrolmentId).getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Enrolment", enrolmentId))
                .map(row -> new Parties(UUID.fromString((String) row[0]), UUID.fromString((String) row[1])));
    }

    /**
     * Locks the enrolment's session, then reads the enrolment under that lock. Only the session id
     * is read before the lock, so the entity is never a stale copy.
     */
    public Uni<Locked> lockedEnrolment(UUID enrolmentId) {
        return Panache.getSession().chain(s -> s.<Object>createNativeQuery(
                                "select session_id::text from enrolment where id = ?1")
                        .setParameter(1, enrolmentId).getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Enrolment", enrolmentId))
                .chain(sessionId -> seats.lock(UUID.fromString(sessionId.toString())))
                .chain(session -> EnrolmentEntity.<EnrolmentEntity>findById(enrolmentId)
                        .map(e -> new Locked(session, e)));
    }

    public Uni<Boolean> hasActiveEnrolment(UUID sessionId, UUID personId) {
        return EnrolmentEntity.count("sessionId = ?1 and personId = ?2 and status in ?3",
                sessionId, personId, List.copyOf(EnrolmentStatus.ACTIVE)).map(n -> n > 0);
    }

    public Uni<EnrolmentView> view(EnrolmentEntity e) {
        if (e.status != EnrolmentStatus.WAITLISTED) {
            return Uni.createFrom().item(EnrolmentView.of(e, null));
        }
        return EnrolmentEntity.count("sessionId = ?1 and status = ?2 and position <= ?3",
                        e.sessionId, EnrolmentStatus.WAITLISTED, e.position)
                .map(place -> EnrolmentView.of(e, place.intValue()));
    }

    public Uni<Void> record(String type, EnrolmentEntity e, String reason) {
        var payload = new TrainingEvents.EnrolmentChanged(e.id, e.sessionId, e.personId, e.status.name(), e.position,
                e.offerExpiresAt, reason);
        return outbox.record(TrainingEvents.TOPIC_ENROLMENT,
                outbox.envelope(type, TrainingEvents.VERSION, e.sessionId.toString(), null, payload));
    }

    public void markCancelled(EnrolmentEntity e, String reason, Cancellation.Canceller canceller) {
        e.status = EnrolmentStatus.CANCELLED;
        e.closedAt = OffsetDateTime.now(clock);
        e.closeReason = reason;
        e.cancelledBy = canceller.by();
        e.cancelledBySubject = canceller.subject();
    }

    public Uni<Void> recordCancelled(EnrolmentEntity e) {
        var payload = new TrainingEvents.EnrolmentCancelled(e.id, e.sessionId, e.personId, e.status.name(), e.position,
                e.offerExpiresAt, e.closeReason, e.cancelledBy.name(), e.cancelledBySubject);
        return outbox.record(TrainingEvents.TOPIC_ENROLMENT, outbox.envelope(TrainingEvents.ENROLMENT_CANCELLED,
                TrainingEvents.VERSION, e.sessionId.toString(), null, payload));
    }

    public static Uni<Void> flush() {
        return Panache.getSession().chain(s -> s.flush());
    }

    public static Waitlist.Entry entry(EnrolmentEntity e) {
        return new Waitlist.Entry(e.id, e.position, Optional.ofNullable(e.quotaGroupId));
    }
}
