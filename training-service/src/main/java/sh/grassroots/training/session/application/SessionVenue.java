package sh.grassroots.training.session.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sh.grassroots.events.TrainingEvents;
import sh.grassroots.events.VenueEvents;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.training.course.application.CourseService;
import sh.grassroots.training.session.persistence.Seats;
import sh.grassroots.training.session.persistence.SessionEntity;
import sh.grassroots.training.venue.model.VenueSaga;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Where a session stands with its station room, as the venue saga moves it: the station's
 * answers, and a request withdrawn for want of one. The session row is locked first, as every
 * other change of a session does, so a reply and a cancellation of the same session run one after
 * the other. In the caller's transaction.
 */
@ApplicationScoped
public class SessionVenue {
    private static final Logger LOG = Logger.getLogger(SessionVenue.class);

    private final Seats seats;
    private final CloseSession closing;
    private final CourseService courses;
    private final Outbox outbox;
    private final Clock clock;

    public SessionVenue(Seats seats, CloseSession closing, CourseService courses, Outbox outbox, Clock clock) {
        this.seats = seats;
        this.closing = closing;
        this.courses = courses;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Applies the station's answer (event {@code eventId}) to the session. */
    public Uni<Void> applyReply(UUID eventId, UUID sessionId, VenueSaga.Reply reply) {
        return seats.lock(sessionId).chain(session -> {
            if (session == null) {
                LOG.warnf("Venue reply %s for unknown session %s ignored", eventId, sessionId);
                return Uni.createFrom().voidItem();
            }
            VenueSaga.Decision decision = VenueSaga.onReply(session.venueStage(), session.venueRequestId, reply);
            if (decision instanceof VenueSaga.Ignore ignore) {
                LOG.infof("Venue reply %s for session %s ignored: %s", eventId, sessionId, ignore.why());
                return Uni.createFrom().voidItem();
            }
            if (decision instanceof VenueSaga.Confirm confirm) {
                session.status = SessionEntity.Status.SCHEDULED;
                session.venueBookingId = confirm.bookingId();
                return courses.summary(session.courseId)
                        .chain(course -> flush().chain(() -> outbox.record(TrainingEvents.TOPIC_SESSION,
                                Sessions.sessionScheduled(outbox, session, course))));
            }
            if (decision instanceof VenueSaga.LoseRoom lost) {
                session.venueRejectionRule = VenueSaga.ROOM_CANCELLED;
                session.venueRejectionReason = lost.reason();
                return closing.cancelForLostRoom(session, lost.reason())
                        .invoke(n -> LOG.infof("Session %s lost its room; %d enrolments cancelled", sessionId, n))
                        .replaceWithVoid();
            }
            VenueSaga.Reject reject = (VenueSaga.Reject) decision;
            session.status = SessionEntity.Status.VENUE_REJECTED;
            session.venueRejectionRule = reject.rule();
            session.venueRejectionReason = reject.reason();
            return flush();
        });
    }

    /** Sessions still waiting for their room that asked before {@code cutoff}, oldest first. */
    public Uni<List<UUID>> waitingSince(OffsetDateTime cutoff, int max) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "select id from SessionEntity where status = :pending and createdAt <= :cutoff order by createdAt",
                        UUID.class)
                .setParameter("pending", SessionEntity.Status.VENUE_PENDING)
                .setParameter("cutoff", cutoff)
                .setMaxResults(max)
                .getResultList());
    }

    /**
     * Withdraws the session's venue request when it still waits and has waited longer than
     * {@code timeout}; true when it did.
     */
    public Uni<Boolean> withdrawUnanswered(UUID sessionId, Duration timeout) {
        return seats.lock(sessionId).chain(session -> {
            if (session == null) {
                return Uni.createFrom().item(false);
            }
            Duration waited = Duration.between(session.createdAt.toInstant(), clock.instant());
            var silence = VenueSaga.onSilence(session.venueStage(), waited, timeout);
            if (silence.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            session.status = SessionEntity.Status.VENUE_REJECTED;
            session.venueRejectionRule = silence.get().rule();
            session.venueRejectionReason = silence.get().reason();
            return flush()
                    .chain(() -> outbox.record(VenueEvents.TOPIC_REQUESTS, outbox.envelope(VenueEvents.RELEASED,
                            VenueEvents.VERSION, session.id.toString(), null, new VenueEvents.VenueReleased(
                                    session.venueRequestId, session.id, session.stationRoomId,
                                    "no answer within " + timeout.toMinutes() + " minutes"))))
                    .replaceWith(true);
        });
    }

    private static Uni<Void> flush() {
        return Panache.getSession().chain(s -> s.flush());
    }
}
