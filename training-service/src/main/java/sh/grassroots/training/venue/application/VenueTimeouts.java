package sh.grassroots.training.venue.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import sh.grassroots.training.session.application.SessionVenue;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A session waiting for its room (VENUE_PENDING) does not wait for ever: when the station has not
 * answered within {@code training.venue.answer-timeout}, the request is withdrawn and the session
 * becomes VENUE_REJECTED with the rule {@code venue-no-answer}, which the organizer reads like a
 * refusal of the station (schedule again). The withdrawal is a VenueReleased on the request's key,
 * so a station that answers later, after all, books and then releases the room in that order; its
 * late answer is ignored here (the session no longer waits). Every replica may run the job: each
 * session is decided under its row lock, after looking again whether it still waits.
 */
@ApplicationScoped
public class VenueTimeouts {
    private static final Logger LOG = Logger.getLogger(VenueTimeouts.class);
    private static final int BATCH = 100;

    private final SessionVenue sessions;
    private final Clock clock;
    private final Duration timeout;

    public VenueTimeouts(SessionVenue sessions, Clock clock,
                         @ConfigProperty(name = "training.venue.answer-timeout", defaultValue = "PT15M") Duration timeout) {
        this.sessions = sessions;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Scheduled(every = "${training.venue.timeout-check-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "training-venue-timeout")
    Uni<Void> tick() {
        return withdrawUnanswered()
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("%d venue requests got no answer in %s and were withdrawn", n, timeout);
                    }
                })
                .onFailure().invoke(f -> LOG.warnf("Venue timeout check failed, retried on the next tick: %s", f.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Withdraws the requests that waited longer than the timeout; how many. Each in its own transaction. */
    public Uni<Integer> withdrawUnanswered() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(timeout);
        return Panache.withSession(() -> sessions.waitingSince(cutoff, BATCH))
                .chain(this::withdrawEach);
    }

    private Uni<Integer> withdrawEach(List<UUID> ids) {
        Uni<Integer> done = Uni.createFrom().item(0);
        for (UUID id : ids) {
            done = done.chain(n -> withdraw(id).map(withdrawn -> withdrawn ? n + 1 : n));
        }
        return done;
    }

    private Uni<Boolean> withdraw(UUID sessionId) {
        return Panache.withTransaction(() -> sessions.withdrawUnanswered(sessionId, timeout));
    }
}
