package sh.grassroots.training.venue.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sh.grassroots.platform.outbox.Inbox;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.events.TrainingEvents;
import sh.grassroots.training.course.application.CourseService;
import sh.grassroots.training.session.application.CloseSession;
import sh.grassroots.training.session.application.Sessions;
import sh.grassroots.training.session.persistence.SessionEntity;
import sh.grassroots.training.session.persistence.Seats;
import sh.grassroots.training.venue.model.VenueSaga;

import java.util.UUID;

/**
 * Applies the station's answers to venue requests, each event at most once. The session row is
 * locked first, as every other change of a session does, so a reply and a cancellation of the
 * same session run one after the other.
 */
@ApplicationScoped
public class VenueReplies {
    static final String CONSUMER = "training.venue-replies";
    private static final Logger LOG = Logger.getLogger(VenueReplies.class);

    private final Inbox inbox;
    private final Outbox outbox;
    private final Seats seats;
    private final CloseSession sessions;
    private final CourseService courses;

    public VenueReplies(Inbox inbox, Outbox outbox, Seats seats, CloseSession sessions, CourseService courses) {
        this.courses = courses;
        this.inbox = inbox;
        this.outbox = outbox;
        this.seats = seats;
        this.sessions = sessions;
    }

    /** @return true when the event was applied now (even if it changed nothing), false for a redelivery */
    public Uni<Boolean> apply(UUID eventId, UUID sessionId, VenueSaga.Reply reply) {
        return Panache.withTransaction(() -> inbox.once(CONSUMER, eventId, () -> seats.lock(sessionId).chain(session -> {
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
                return sessions.cancelForLostRoom(session, lost.reason())
                        .invoke(n -> LOG.infof("Session %s lost its room; %d enrolments cancelled", sessionId, n))
                        .replaceWithVoid();
            }
            VenueSaga.Reject reject = (VenueSaga.Reject) decision;
            session.status = SessionEntity.Status.VENUE_REJECTED;
            session.venueRejectionRule = reject.rule();
            session.venueRejectionReason = reject.reason();
            return flush();
        })));
    }

    private static Uni<Void> flush() {
        return Panache.getSession().chain(s -> s.flush());
    }
}
