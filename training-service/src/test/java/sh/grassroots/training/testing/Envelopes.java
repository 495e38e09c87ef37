package sh.grassroots.training.testing;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.UUID;

/** Events as the other services publish them, written by hand and sent through the real broker. */
public final class Envelopes {
    private Envelopes() {
    }

    /** An envelope of a new event id, occurred 2026-11-29T10:00+08:00 in {@code district}. */
    public static String envelope(String type, Object aggregateId, String district, String payload) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"2026-11-29T10:00:00+08:00","aggregateId":"%s",
                 "district":"%s","traceparent":null,"payload":%s}""".formatted(UUID.randomUUID(), type, aggregateId,
                district, payload);
    }

    /** Sends {@code json} keyed by {@code key} and waits until the broker has it. */
    public static void publish(KafkaCompanion kafka, String topic, Object key, String json) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, key.toString(), json)).awaitCompletion();
    }
}
