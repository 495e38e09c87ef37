package sh.grassroots.notifications.access.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import sh.grassroots.events.TrainingEvents;
import sh.grassroots.notifications.support.EventStream;
import sh.grassroots.notifications.support.Events;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.platform.testing.Endpoints;
import sh.grassroots.platform.testing.Fuzz;

import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint of notification-service, with the callers it lets in and those it refuses. A
 * person's notifications, stream and preferences are theirs alone: another member, a district
 * admin, another district's system are refused; nobody without the gateway's headers gets past
 * 401; an unknown notification is 404 for everyone. The stream is opened as a phone opens it.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationAccessMatrixTest {
    static final String ME = "/api/v1/me/notifications";
    static final String PREFERENCES = "/api/v1/me/notification-preferences";
    static final String PROBLEM = "application/problem+json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @TestHTTPResource(ME + "/stream")
    URL streamUrl;

    /** The member whose notifications these are, and one of theirs. */
    private static UUID owner;
    private static String notification;

    record Who(String name, Caller caller) {
        RequestSpecification as() {
            return caller == null ? AsCaller.anonymous() : AsCaller.as(caller);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** What a call answered: enough to tell let in from refused. */
    record Answer(int status, String contentType, String type) {
    }

    record Entry(String endpoint, Function<Who, Answer> call, List<Who> allowed, List<Who> refused, String slug) {
    }

    static Who owner() {
        return new Who("the member themselves", AsCaller.caller(owner, "member", null, null));
    }

    static final Who SOMEONE = new Who("another member", AsCaller.caller(UUID.randomUUID(), "member", null, null));
    static final Who ADMIN = new Who("the admin of the member's district",
            AsCaller.caller("admin-310101", "district_admin", null, "310101"));
    static final Who SERVICE = new Who("another district's system",
            new Caller("310110", Caller.Kind.SERVICE, Set.of(), null, "310110"));
    static final Who NOBODY = new Who("nobody (no caller headers)", null);

    @BeforeEach
    void setUp() {
        synchronized (NotificationAccessMatrixTest.class) {
            if (notification == null) {
                UUID member = UUID.randomUUID();
                UUID session = UUID.randomUUID();
                try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
                    Events.send(kafka, TrainingEvents.TOPIC_ENROLMENT, session, Events.envelope(UUID.randomUUID(),
                            TrainingEvents.SEAT_OFFERED, session, Events.enrolment(UUID.randomUUID(), session, member,
                                    "OFFERED", 1, OffsetDateTime.parse("2026-12-01T11:00:00+08:00"))));
                }
                // the first test of a fresh service waits for its consumer to join the group, slowly on a busy machine
                await().atMost(Duration.ofSeconds(120)).until(() ->
                        AsCaller.member(member).get(ME).then().extract().path("items.size()").equals(1));
                owner = member;
                notification = AsCaller.member(member).get(ME).then().extract().path("items[0].id");
            }
        }
    }

    static Answer answer(Response response) {
        String type = response.contentType() != null && response.contentType().startsWith(PROBLEM)
                ? response.jsonPath().getString("type") : null;
        return new Answer(response.statusCode(), response.contentType(), type);
    }

    Answer stream(Who who) {
        Map<String, String> headers = who.caller() == null ? Map.of() : EventStream.headersOf(who.caller());
        try (EventStream stream = EventStream.open(streamUrl.toString(), headers)) {
            String type = null;
            if (stream.status() >= 400) {
                type = stream.problemType();
            }
            return new Answer(stream.status(), stream.contentType(), type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<Entry> entries() {
        List<Who> people = List.of(owner(), SOMEONE, ADMIN);
        return List.of(
                new Entry("GET /api/v1/me/notifications", who -> answer(who.as().get(ME)),
                        people, List.of(SERVICE), "service-identity-not-allowed"),
                new Entry("GET /api/v1/me/notifications/stream", this::stream,
                        people, List.of(SERVICE), "service-identity-not-allowed"),
                new Entry("POST /api/v1/me/notifications/read-all", who -> answer(who.as().post(ME + "/read-all")),
                        List.of(SOMEONE, ADMIN), List.of(SERVICE), "service-identity-not-allowed"),
                new Entry("POST /api/v1/me/notifications/{id}/read", who -> answer(who.as().post(ME + "/" + notification + "/read")),
                        List.of(owner()), List.of(SOMEONE, ADMIN), "not-own-record"),
                new Entry("POST /api/v1/me/notifications/{id}/read", who -> answer(who.as().post(ME + "/" + notification + "/read")),
                        List.of(), List.of(SERVICE), "service-identity-not-allowed"),
                new Entry("GET /api/v1/me/notification-preferences", who -> answer(who.as().get(PREFERENCES)),
                        people, List.of(SERVICE), "service-identity-not-allowed"),
                new Entry("PUT /api/v1/me/notification-preferences", who -> answer(who.as().contentType(ContentType.JSON)
                        .body("{\"email\":\"someone@example.com\",\"channels\":{\"BOOKING_REJECTED\":[\"EMAIL\",\"IN_APP\"]}}")
                        .put(PREFERENCES)),
                        people, List.of(SERVICE), "service-identity-not-allowed"));
    }

    @Test
    @Order(0)
    void every_endpoint_has_an_entry() {
        Endpoints.assertCovered(entries().stream().map(Entry::endpoint).collect(Collectors.toSet()),
                Endpoints.of("sh.grassroots.notifications"));
    }

    @TestFactory
    @Order(1)
    List<DynamicNode> every_endpoint_lets_in_whom_it_should_and_refuses_the_others() {
        List<DynamicNode> endpoints = new ArrayList<>();
        for (Entry entry : entries()) {
            List<DynamicTest> cases = new ArrayList<>();
            cases.add(DynamicTest.dynamicTest("without the gateway's caller headers: 401", () -> {
                Answer answer = entry.call().apply(NOBODY);
                assertEquals(401, answer.status());
                assertEquals("urn:grassroots:problem:unauthenticated", answer.type());
            }));
            for (Who who : entry.allowed()) {
                cases.add(DynamicTest.dynamicTest(who + " is let in", () -> {
                    Answer answer = entry.call().apply(who);
                    assertTrue(answer.status() < 400, who + " got " + answer);
                }));
            }
            for (Who who : entry.refused()) {
                cases.add(DynamicTest.dynamicTest(who + " is refused: " + entry.slug(), () -> {
                    Answer answer = entry.call().apply(who);
                    assertEquals(403, answer.status(), answer.toString());
                    assertTrue(answer.contentType().startsWith(PROBLEM), answer.toString());
                    assertEquals("urn:grassroots:problem:" + entry.slug(), answer.type());
                }));
            }
            endpoints.add(DynamicContainer.dynamicContainer(entry.endpoint(), cases));
        }
        return endpoints;
    }

    @Test
    @Order(2)
    void an_unknown_notification_is_404_for_everyone() {
        for (Who who : List.of(owner(), SOMEONE, ADMIN)) {
            who.as().post(ME + "/" + UUID.randomUUID() + "/read").then().statusCode(404).contentType(PROBLEM)
                    .body("type", equalTo("urn:grassroots:problem:not-found"));
        }
    }

    @Test
    @Order(3)
    void another_persons_inbox_is_never_in_the_answer_and_their_preferences_never_change_mine() {
        UUID me = UUID.randomUUID();
        AsCaller.member(me).get(ME).then().statusCode(200).body("items.size()", equalTo(0)).body("unreadCount", equalTo(0));
        AsCaller.member(UUID.randomUUID()).contentType(ContentType.JSON).body("{\"email\":\"other@example.com\"}")
                .put(PREFERENCES).then().statusCode(200);
        AsCaller.member(me).get(PREFERENCES).then().statusCode(200).body("email", equalTo(null));
        assertFalse(AsCaller.as(owner().caller()).get(ME).then().extract().<List<?>>path("items").isEmpty());
    }

    /** platform/testing Fuzz against every write, as its first allowed caller sends it; then every read again. */
    @TestFactory
    @Order(Integer.MAX_VALUE)
    List<DynamicTest> no_input_makes_an_endpoint_answer_a_server_error() {
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, Function<RequestSpecification, Response>> writes = Map.of(
                "POST /api/v1/me/notifications/{id}/read", as -> as.post(ME + "/" + notification + "/read"),
                "POST /api/v1/me/notifications/read-all", as -> as.post(ME + "/read-all"),
                "PUT /api/v1/me/notification-preferences", as -> as.contentType(ContentType.JSON)
                        .body("{\"email\":\"zhang.wei@example.com\",\"channels\":{\"SEAT_HELD\":[\"EMAIL\"],\"BOOKING_REJECTED\":[\"IN_APP\"]}}")
                        .put(PREFERENCES));
        writes.forEach((endpoint, call) -> tests.add(DynamicTest.dynamicTest(endpoint, () -> {
            Fuzz.Captured request = Fuzz.capture(AsCaller.as(owner().caller()), call);
            assertEquals(List.of(), Fuzz.problemsWith(request));
        })));
        Map<String, Function<RequestSpecification, Response>> reads = Map.of(
                "GET /api/v1/me/notifications", as -> as.queryParam("limit", 5).get(ME),
                "GET /api/v1/me/notification-preferences", as -> as.get(PREFERENCES));
        reads.forEach((endpoint, call) -> tests.add(DynamicTest.dynamicTest("afterwards, still: " + endpoint, () -> {
            Fuzz.Captured request = Fuzz.capture(AsCaller.as(owner().caller()), call);
            assertEquals(null, Fuzz.judge("after the fuzz", request, Fuzz.replay(request)));
        })));
        tests.add(DynamicTest.dynamicTest("afterwards, still: GET /api/v1/me/notifications/stream", () ->
                assertEquals(200, stream(owner()).status())));
        return tests;
    }
}
