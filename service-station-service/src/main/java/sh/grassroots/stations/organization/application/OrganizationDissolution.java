package sh.grassroots.stations.organization.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sh.grassroots.events.StationEvents;
import sh.grassroots.platform.outbox.Inbox;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.stations.booking.application.BookingTransactions;
import sh.grassroots.stations.booking.model.BookerKind;
import sh.grassroots.stations.booking.model.BookingLifecycle;
import sh.grassroots.stations.booking.model.BookingStatus;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.stations.booking.persistence.BookingEntity;
import sh.grassroots.stations.station.application.StationLookup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A dissolved organization will not come: its bookings that have not started yet give their rooms
 * back, each with a BookingCancelled event, in the transaction that records the event as processed
 * and marks the organization dissolved in stations' copy of the tree.
 */
@ApplicationScoped
public class OrganizationDissolution {
    public static final String REASON = "ORGANIZATION_DISSOLVED";
    static final String CONSUMER = "service-station-service.organizations";
    private static final Logger LOG = Logger.getLogger(OrganizationDissolution.class);

    private final OrganizationTree tree;
    private final StationLookup lookup;
    private final BookingTransactions bookings;
    private final Inbox inbox;
    private final Outbox outbox;
    private final Clock clock;

    public OrganizationDissolution(OrganizationTree tree, StationLookup lookup, BookingTransactions bookings,
                                   Inbox inbox, Outbox outbox, Clock clock) {
        this.tree = tree;
        this.lookup = lookup;
        this.bookings = bookings;
        this.inbox = inbox;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return true when applied now, false when the event had been applied before */
    @WithTransaction
    public Uni<Boolean> onDissolved(UUID eventId, UUID organizationId, LocalDate dissolvedOn) {
        Instant now = clock.instant();
        return tree.markDissolved(eventId, organizationId, dissolvedOn).chain(() -> inbox.once(CONSUMER, eventId, () -> BookingEntity.<BookingEntity>list(
                        "bookerKind = ?1 and bookerId = ?2 and status in ?3 and startsAt > ?4 order by startsAt, id",
                        BookerKind.ORGANIZATION, organizationId,
                        List.of(BookingStatus.REQUESTED, BookingStatus.CONFIRMED), now.atOffset(ZoneOffset.UTC))
                .chain(rows -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (BookingEntity booking : rows) {
                        chain = chain.chain(() -> cancel(booking, now));
                    }
                    return chain.invoke(() -> LOG.infof("%d future bookings of dissolved organization %s cancelled",
                            rows.size(), organizationId));
                })));
    }

    private Uni<Void> cancel(BookingEntity booking, Instant now) {
        Outcome<BookingStatus> transition = BookingLifecycle.release(booking.status);
        if (transition instanceof Outcome.Rejected<BookingStatus>) {
            return Uni.createFrom().voidItem();
        }
        return lookup.station(booking.stationId).chain(station -> {
            booking.status = ((Outcome.Done<BookingStatus>) transition).value();
            booking.statusReason = REASON;
            booking.updatedAt = OffsetDateTime.ofInstant(now, ZoneId.of(station.timeZone));
            return bookings.recordChange(booking, station);
        });
    }
}
