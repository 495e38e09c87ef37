package sh.grassroots.training.session.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.events.TrainingEvents;
import sh.grassroots.events.VenueEvents;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.training.access.application.TrainingAccess;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.training.enrolment.application.SessionEnrolments;
import sh.grassroots.training.enrolment.model.Cancellation;
import sh.grassroots.training.session.model.SessionClosure;
import sh.grassroots.training.session.persistence.Seats;
import sh.grassroots.training.session.persistence.SessionEntity;
import sh.grassroots.training.venue.model.VenueSaga;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A session ends: cancelled before it starts (by its organizers, because its provider is gone, or
 * because its room was lost), or, after it, its absentees recorded as no-shows. The session row is
 * locked first, as for every change of its seats.
 */
@ApplicationScoped
public class CloseSession {
    private final Seats seats;
    private final SessionEnrolments enrolments;
    private final SessionRulesCache rulesCache;
    private final Outbox outbox;
    private final TrainingAccess access;
    private final Clock clock;

    public CloseSession(Seats seats, SessionEnrolments enrolments, SessionRulesCache rulesCache, Outbox outbox,
                        TrainingAccess access, Clock clock) {
        this.seats = seats;
        this.enrolments = enrolments;
        this.rulesCache = rulesCache;
        this.outbox = outbox;
        this.access = access;
        this.clock = clock;
    }

    /**
     * An organizer cancels a session before it starts: every active enrolment is cancelled with the
     * reason, all seats are released (nobody is promoted into a cancelled session).
     */
    @WithTransaction
    public Uni<Integer> cancel(Caller caller, UUID sessionId, String reason) {
        Cancellation.Canceller canceller = new Cancellation.Canceller(Cancellation.By.ORGANIZER, caller.subject());
        return access.requireOrganizerOfSession(caller, sessionId).chain(() -> lockedSession(sessionId)).chain(session -> {
            Optional<Rejection> broken = SessionClosure.mayCancel(session.status != SessionEntity.Status.CANCELLED,
                    session.startsAt.toInstant(), clock);
            if (broken.isPresent()) {
                return Uni.createFrom().failure(Rejections.exception(broken.get()));
            }
            String why = reason == null || reason.isBlank() ? "the session was cancelled" : reason.strip();
            return close(session, why, canceller, VenueSaga.releaseOnCancel(session.venueStage()));
        }).invoke(() -> rulesCache.forget(sessionId));
    }

    /**
     * The organization that provides a course was dissolved (org.organization.v1): nobody will hold
     * its sessions that have not started. Each is cancelled as an organizer would cancel it, by
     * {@code SYSTEM} with the reason: every enrolment ends and its person sees why in the member
     * view, and a room requested or confirmed at a station is released. Runs in the caller's
     * transaction (the one that applies the org event); returns how many sessions were cancelled.
     */
    public Uni<Integer> cancelFutureSessionsOfProvider(UUID organizationId, String why) {
        return Panache.getSession().chain(s -> s.<Object>createNativeQuery("""
                                select ts.id::text from training_session ts join course c on c.id = ts.course_id
                                where c.provider_kind = 'ORGANIZATION' and c.provider_id = ?1
                                  and ts.status = 'SCHEDULED' and ts.starts_at > ?2
                                order by ts.starts_at, ts.id""")
                        .setParameter(1, organizationId).setParameter(2, OffsetDateTime.now(clock)).getResultList())
                .chain(ids -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (Object id : ids) {
                        UUID sessionId = UUID.fromString(id.toString());
                        chain = chain.chain(done -> seats.lock(sessionId).chain(session ->
                                SessionClosure.mayCancel(session.status != SessionEntity.Status.CANCELLED,
                                        session.startsAt.toInstant(), clock).isPresent()
                                        ? Uni.createFrom().item(done)
                                        : close(session, why, Cancellation.Canceller.SYSTEM_CANCELLER,
                                        VenueSaga.releaseOnCancel(session.venueStage())).replaceWith(done + 1)));
                    }
                    return chain;
                });
    }

    /**
     * The station cancelled the room it had confirmed for the session (VenueCancelled). No session
     * can be moved to another room, so one without its room cannot take place: it is cancelled for
     * everyone enrolled, each enrolment by {@code SYSTEM} with the station's reason, as an
     * organizer's cancellation would, so that each person sees at once that it will not happen and
     * their seat, hold or place on the waitlist ends instead of waiting for a lesson without a room.
     * The room is already gone: nothing is released. A session already under way is left as it is.
     * Runs in the caller's transaction, on the session row it locked.
     */
    public Uni<Integer> cancelForLostRoom(SessionEntity session, String reason) {
        if (!session.startsAt.toInstant().isAfter(clock.instant())) {
            return Uni.createFrom().item(0);
        }
        return close(session, reason, Cancellation.Canceller.SYSTEM_CANCELLER, false);
    }

    /** After the session: confirmed people who were not checked in are recorded as no-shows. */
    @WithTransaction
    public Uni<Integer> recordNoShows(Caller caller, UUID sessionId) {
        return access.requireOrganizerOfSession(caller, sessionId).chain(() -> lockedSession(sessionId)).chain(session -> {
            Optional<Rejection> broken = SessionClosure.mayRecordNoShows(session.status == SessionEntity.Status.SCHEDULED,
                    session.endsAt.toInstant(), clock);
            if (broken.isPresent()) {
                return Uni.createFrom().failure(Rejections.exception(broken.get()));
            }
            return enrolments.recordNoShows(sessionId);
        });
    }

    private Uni<SessionEntity> lockedSession(UUID sessionId) {
        return seats.lock(sessionId).onItem().ifNull().failWith(() -> ProblemException.notFound("Session", sessionId));
    }

    private Uni<Integer> close(SessionEntity session, String why, Cancellation.Canceller canceller, boolean releaseRoom) {
        session.status = SessionEntity.Status.CANCELLED;
        return enrolments.cancelAll(session.id, why, canceller).chain(cancelled -> {
            var payload = new TrainingEvents.SessionCancelled(session.id, session.courseId,
                    session.stationRoomId, why, cancelled);
            return Panache.getSession().chain(s -> s.flush())
                    .chain(() -> outbox.record(TrainingEvents.TOPIC_SESSION, outbox.envelope(
                            TrainingEvents.SESSION_CANCELLED, TrainingEvents.VERSION, session.id.toString(),
                            null, payload)))
                    .chain(() -> releaseRoom ? outbox.record(VenueEvents.TOPIC_REQUESTS, outbox.envelope(
                            VenueEvents.RELEASED, VenueEvents.VERSION, session.id.toString(), null,
                            new VenueEvents.VenueReleased(session.venueRequestId, session.id,
                                    session.stationRoomId, why))) : Uni.createFrom().voidItem())
                    .replaceWith(cancelled);
        });
    }
}
