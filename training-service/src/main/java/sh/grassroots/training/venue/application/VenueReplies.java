package sh.grassroots.training.venue.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.outbox.Inbox;
import sh.grassroots.training.session.application.SessionVenue;
import sh.grassroots.training.venue.model.VenueSaga;

import java.util.UUID;

/**
 * Applies the station's answers to venue requests, each event at most once, in one transaction
 * with the session's change (see {@link SessionVenue}).
 */
@ApplicationScoped
public class VenueReplies {
    static final String CONSUMER = "training.venue-replies";

    private final Inbox inbox;
    private final SessionVenue sessions;

    public VenueReplies(Inbox inbox, SessionVenue sessions) {
        this.inbox = inbox;
        this.sessions = sessions;
    }

    /** @return true when the event was applied now (even if it changed nothing), false for a redelivery */
    public Uni<Boolean> apply(UUID eventId, UUID sessionId, VenueSaga.Reply reply) {
        return Panache.withTransaction(() -> inbox.once(CONSUMER, eventId,
                () -> sessions.applyReply(eventId, sessionId, reply)));
    }
}
