package sh.grassroots.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** One event waiting to be published; written in the same transaction as the change it announces. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String messageKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String envelope;

    /** The W3C traceparent of the work that recorded the event; the relay publishes under it. */
    public String traceparent;

    public static OutboxEvent of(UUID eventId, String topic, String key, String type, String envelope) {
        return of(eventId, topic, key, type, envelope, null);
    }

    public static OutboxEvent of(UUID eventId, String topic, String key, String type, String envelope, String traceparent) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = eventId;
        row.topic = topic;
        row.messageKey = key;
        row.eventType = type;
        row.envelope = envelope;
        row.traceparent = traceparent;
        return row;
    }
}
