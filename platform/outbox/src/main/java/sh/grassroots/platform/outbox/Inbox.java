package sh.grassroots.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes a consumer idempotent: the event id is recorded in the same transaction as the
 * projection change, so a redelivered event finds its id and changes nothing.
 */
@ApplicationScoped
public class Inbox {
    private final MeterRegistry registry;

    public Inbox(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Runs {@code apply} once per (consumer, event id). Must be called inside a transaction;
     * the insert and the work commit or roll back together.
     *
     * @return true when the event was applied now, false when it had been applied before
     */
    public Uni<Boolean> once(String consumer, UUID eventId, Supplier<Uni<Void>> apply) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into processed_event (consumer, event_id) values (?1, ?2) on conflict do nothing")
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 1) {
                        return apply.get().replaceWith(Boolean.TRUE)
                                .invoke(() -> counter(consumer, "applied").increment());
                    }
                    // a redelivery (a consumer that died before committing its offset, a re-drive)
                    counter(consumer, "duplicate").increment();
                    return Uni.createFrom().item(Boolean.FALSE);
                });
    }

    private Counter counter(String consumer, String outcome) {
        return registry.counter("inbox.events", "consumer", consumer, "outcome", outcome);
    }
}
