package sh.grassroots.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What travels on every topic. Consumers must ignore unknown fields and unknown {@code type}s,
 * so that producers can add both without a coordinated release.
 *
 * @param <P> the payload record named by {@code type}
 */
public record EventEnvelope<P>(
        UUID eventId,
        String type,
        int version,
        OffsetDateTime occurredAt,
        String aggregateId,
        String district,
        String traceparent,
        P payload) {
}
