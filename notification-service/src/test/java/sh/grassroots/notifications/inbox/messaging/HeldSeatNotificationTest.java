package sh.grassroots.notifications.inbox.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.events.TrainingEvents;
import sh.grassroots.notifications.support.EventStream;
import sh.grassroots.notifications.support.Events;
import sh.grassroots.notifications.support.SmtpServer;
import sh.grassroots.platform.testing.AsCaller;

import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training's SeatOffered, through the real broker, becomes the waitlisted member's held-seat
 * notification: on their open stream at once, in their inbox with the accept link and the
 * deadline, and one e-mail to the real SMTP server. The same event delivered again (a consumer
 * that died before committing its offset) adds neither a notification nor an e-mail.
 */
@QuarkusTest
class HeldSeatNotificationTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String ME = "/api/v1/me/notifications";

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @TestHTTPResource(ME + "/stream")
    URL streamUrl;

    KafkaCompanion kafka;

    @BeforeEach
    void setUp() {
        kafka = new KafkaCompanion(bootstrap);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void a_held_seat_is_told_once_on_the_stream_in_the_inbox_and_by_email_even_when_the_event_comes_twice() throws Exception {
        UUID member = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID enrolment = UUID.randomUUID();
        String address = "member-" + member + "@example.com";
        OffsetDateTime deadline = OffsetDateTime.parse("2026-12-01T11:00:00+08:00");
        AsCaller.member(member).contentType(ContentType.JSON)
                .body("{\"email\":\"" + address + "\",\"channels\":{\"ENROLMENT_CONFIRMED\":[\"EMAIL\"]}}")
                .put("/api/v1/me/notification-preferences").then().statusCode(200);
        Events.send(kafka, TrainingEvents.TOPIC_SESSION, session, Events.envelope(UUID.randomUUID(),
                TrainingEvents.SESSION_SCHEDULED, session,
                Events.sessionScheduled(session, "学习贯彻党的二十届三中全会精神", OffsetDateTime.parse("2026-12-05T14:00:00+08:00"))));
        // another topic: the title is known before the seat is offered, as it is in training
        await().atMost(PATIENCE).until(() -> knowsSession(session));

        try (EventStream stream = EventStream.open(streamUrl.toString(), EventStream.headersOf(AsCaller.caller(member, "member", null, null)))) {
            assertEquals(200, stream.status());
            assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());

            String held = Events.envelope(UUID.randomUUID(), TrainingEvents.SEAT_OFFERED, session,
                    Events.enrolment(enrolment, session, member, "OFFERED", 1, deadline));
            Events.send(kafka, TrainingEvents.TOPIC_ENROLMENT, session, held);
            Events.send(kafka, TrainingEvents.TOPIC_ENROLMENT, session, held);
            // after the duplicate on the same partition: once this one is in, the duplicate was handled
            Events.send(kafka, TrainingEvents.TOPIC_ENROLMENT, session, Events.envelope(UUID.randomUUID(),
                    TrainingEvents.ENROLMENT_CONFIRMED, session, Events.enrolment(enrolment, session, member, "CONFIRMED", 0, null)));

            EventStream.Event first = stream.next(PATIENCE);
            assertNotNull(first, "the held seat was not streamed");
            assertEquals("notification", first.name());
            assertTrue(first.data().contains("\"SEAT_HELD\""), first.data());
            assertTrue(first.data().contains("/api/v1/training/enrolments/" + enrolment + "/acceptance"), first.data());
            EventStream.Event second = stream.next(PATIENCE);
            assertNotNull(second, "the confirmation was not streamed");
            assertTrue(second.data().contains("\"ENROLMENT_CONFIRMED\""), second.data());
            assertEquals(null, stream.next(Duration.ofMillis(500)), "nothing else, the duplicate least of all");
        }

        AsCaller.member(member).get(ME).then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("unreadCount", equalTo(2))
                .body("items[1].kind", equalTo("SEAT_HELD"))
                .body("items[1].title", equalTo("候补名额已为您保留"))
                .body("items[1].body", containsString("学习贯彻党的二十届三中全会精神"))
                .body("items[1].nextStep.action", equalTo("ACCEPT_SEAT"))
                .body("items[1].nextStep.method", equalTo("POST"))
                .body("items[1].nextStep.href", equalTo("/api/v1/training/enrolments/" + enrolment + "/acceptance"))
                .body("items[1].nextStep.deadline", equalTo("2026-12-01T03:00:00Z"));

        await().atMost(PATIENCE).until(() -> SmtpServer.receivedFor(address).size() >= 2);
        List<MimeMessage> mails = SmtpServer.receivedFor(address);
        assertEquals(2, mails.size(), "one e-mail for the held seat, one for the confirmation");
        assertEquals(1, mails.stream().filter(m -> subject(m).startsWith("候补名额已为您保留")).count());
        Thread.sleep(2500); // two more rounds of the sender: a row sent is never sent again
        assertEquals(2, SmtpServer.receivedFor(address).size());
    }

    @Test
    void a_stream_reconnecting_with_last_event_id_is_sent_what_it_missed_in_english_when_asked() throws Exception {
        UUID member = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            Events.send(kafka, TrainingEvents.TOPIC_ENROLMENT, session, Events.envelope(UUID.randomUUID(),
                    TrainingEvents.ENROLMENT_WAITLISTED, session,
                    Events.enrolment(UUID.randomUUID(), session, member, "WAITLISTED", i + 1, null)));
        }
        await().atMost(PATIENCE).until(() -> AsCaller.member(member).get(ME).then().extract().path("items.size()").equals(3));
        long oldest = ((Number) AsCaller.member(member).get(ME).then().extract().path("items[2].seq")).longValue();

        Map<String, String> headers = new java.util.HashMap<>(EventStream.headersOf(AsCaller.caller(member, "member", null, null)));
        headers.put("Last-Event-ID", Long.toString(oldest));
        headers.put("Accept-Language", "en-GB,en;q=0.8,zh-CN;q=0.5");
        try (EventStream stream = EventStream.open(streamUrl.toString(), headers)) {
            EventStream.Event second = stream.next(PATIENCE);
            EventStream.Event third = stream.next(PATIENCE);
            assertNotNull(third, "the two missed were not sent");
            assertTrue(Long.parseLong(second.id()) > oldest && Long.parseLong(third.id()) > Long.parseLong(second.id()));
            assertTrue(second.data().contains("You are on the waitlist"), second.data());
            assertTrue(second.data().contains("number 2 on the waitlist"), second.data());
            assertEquals(null, stream.next(Duration.ofMillis(300)));
        }
    }

    private boolean knowsSession(UUID session) throws java.sql.SQLException {
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement("select 1 from known_session where session_id = ?")) {
            query.setObject(1, session);
            return query.executeQuery().next();
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
