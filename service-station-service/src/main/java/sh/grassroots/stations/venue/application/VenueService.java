package sh.grassroots.stations.venue.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sh.grassroots.events.VenueEvents.VenueReleased;
import sh.grassroots.events.VenueEvents.VenueRequested;
import sh.grassroots.platform.persistence.DatabaseFailures;
import sh.grassroots.stations.booking.application.BookingFailures;

import java.util.UUID;

/**
 * Answers training-service's venue requests. A booking that loses the race for its slot at the
 * exclusion constraint has aborted its transaction; the refusal is then written in a fresh one.
 */
@ApplicationScoped
public class VenueService {
    private static final Logger LOG = Logger.getLogger(VenueService.class);
    private final VenueTransactions transactions;

    public VenueService(VenueTransactions transactions) {
        this.transactions = transactions;
    }

    public Uni<Void> onRequested(UUID eventId, VenueRequested request) {
        return Uni.createFrom().deferred(() -> transactions.answer(eventId, request))
                .onFailure(DatabaseFailures::isDeadlock).retry().atMost(3)
                .onFailure(BookingFailures::isOverlap).recoverWithUni(failure -> {
                    LOG.infof("Venue request %s lost the race for room %s", request.requestId(), request.roomId());
                    return transactions.refuseLostRace(eventId, request);
                })
                // Another replica answered the same request at the same moment: answer again as it did.
                .onFailure(DatabaseFailures::isUniqueViolation).retry().atMost(1)
                .replaceWithVoid();
    }

    public Uni<Void> onReleased(UUID eventId, VenueReleased released) {
        return Uni.createFrom().deferred(() -> transactions.release(eventId, released))
                .onFailure(f -> DatabaseFailures.isDeadlock(f) || DatabaseFailures.isOptimisticLock(f)).retry().atMost(3)
                .replaceWithVoid();
    }
}
