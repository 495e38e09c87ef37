package sh.grassroots.notifications.support;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Events as the producing services put them on the broker. */
public final class Events {
    private Events() {
    }

    public static String envelope(UUID eventId, String type, UUID aggregate, String payload) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"2026-12-01T09:00:00+08:00","aggregateId":"%s",
                 "district":"310101","traceparent":null,"payload":%s}""".formatted(eventId, type, aggregate, payload);
    }

    public static String enrolment(UUID enrolmentId, UUID sessionId, UUID personId, String status, long position,
                                   OffsetDateTime offerExpiresAt) {
        return """
                {"enrolmentId":"%s","sessionId":"%s","personId":"%s","status":"%s","position":%d,"offerExpiresAt":%s,"reason":null}"""
                .formatted(enrolmentId, sessionId, personId, status, position,
                        offerExpiresAt == null ? "null" : "\"" + offerExpiresAt + "\"");
    }

    public static String sessionScheduled(UUID sessionId, String title, OffsetDateTime startsAt) {
        return """
                {"sessionId":"%s","courseId":"%s","courseTitle":"%s","courseKind":"THEORY","startsAt":"%s","endsAt":"%s",
                 "venueKind":"ADDRESS","venue":"党群服务中心","stationRoomId":null,"capacity":1}"""
                .formatted(sessionId, UUID.randomUUID(), title, startsAt, startsAt.plusHours(2));
    }

    public static void send(KafkaCompanion kafka, String topic, UUID key, String json) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, key.toString(), json)).awaitCompletion();
    }
}
