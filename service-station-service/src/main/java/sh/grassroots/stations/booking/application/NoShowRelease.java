package sh.grassroots.stations.booking.application;

import sh.grassroots.events.StationEvents;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.stations.booking.model.BookingLifecycle;
import sh.grassroots.stations.booking.model.BookingStatus;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.stations.booking.persistence.BookingEntity;
import sh.grassroots.stations.station.application.StationLookup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Gives back the rooms of confirmed bookings nobody checked in for within the grace period, and
 * records each as a no-show. Safe with several replicas: rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so two runs never release the same booking twice.
 */
@ApplicationScoped
public class NoShowRelease {
    private static final Logger LOG = Logger.getLogger(NoShowRelease.class);

    private final StationLookup lookup;
    private final BookingTransactions transactions;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration grace;
    private final int batchSize;

    public NoShowRelease(StationLookup lookup, BookingTransactions transactions, Outbox outbox, Clock clock,
                         @ConfigProperty(name = "stations.no-show.grace", defaultValue = "PT15M") Duration grace,
                         @ConfigProperty(name = "stations.no-show.batch-size", defaultValue = "100") int batchSize) {
        this.lookup = lookup;
        this.transactions = transactions;
        this.outbox = outbox;
        this.clock = clock;
        this.grace = grace;
        this.batchSize = batchSize;
    }

    /** Releases at most one batch; returns how many bookings became no-shows. */
    @WithTransaction
    public Uni<Integer> releaseDue() {
        Instant now = clock.instant();
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(now.minus(grace), ZoneOffset.UTC);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select * from booking where status = 'CONFIRMED' and starts_at <= ?1"
                                        + " order by starts_at limit ?2 for update skip locked", BookingEntity.class)
                        .setParameter(1, cutoff)
                        .setParameter(2, batchSize)
                        .getResultList())
                .chain(due -> releaseEach(due, now));
    }

    private Uni<Integer> releaseEach(List<BookingEntity> due, Instant now) {
        Uni<Integer> released = Uni.createFrom().item(0);
        for (BookingEntity booking : due) {
            released = released.chain(count -> release(booking, now).map(done -> done ? count + 1 : count));
        }
        return released.invoke(count -> {
            if (count > 0) {
                LOG.infof("Released %d bookings nobody checked in for", count);
            }
        });
    }

    private Uni<Boolean> release(BookingEntity booking, Instant now) {
        Outcome<BookingStatus> transition = BookingLifecycle.markNoShow(booking.status, booking.slot(), grace, now);
        if (!(transition instanceof Outcome.Done<BookingStatus> moved)) {
            return Uni.createFrom().item(false);
        }
        return lookup.station(booking.stationId).chain(station -> {
            booking.status = moved.value();
            booking.statusReason = "Nobody checked in within " + grace.toMinutes() + " minutes of the start";
            booking.updatedAt = OffsetDateTime.ofInstant(now, ZoneId.of(station.timeZone));
            return outbox.record(StationEvents.TOPIC, transactions.event(booking, station)).replaceWith(true);
        });
    }
}
