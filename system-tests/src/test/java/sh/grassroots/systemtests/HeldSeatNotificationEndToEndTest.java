package sh.grassroots.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16's done-when, through the gateway in front of the packaged services: a session of one
 * seat, Alice enrolled and Bob waitlisted; Bob's phone holds the notification stream open; Alice
 * cancels, training holds the seat for Bob, and Bob's phone is told on the stream, within the
 * hold window, with the link to accept, which it then calls. The stream passes the gateway as a
 * stream (each event as it comes, not when the answer ends) and is not cut by its upstream timeout.
 */
@ExtendWith(Suite.class)
class HeldSeatNotificationEndToEndTest {
    private static final String YANGPU = "310110";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestSpecification as(String token) {
        return given().baseUri(Suite.get().gateway()).header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static String admin() {
        return Suite.get().token("admin-" + YANGPU, Set.of("district_admin"), YANGPU, null);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String organization(String name, String kind, String parent) {
        return as(admin()).body("{\"name\":\"" + name + " " + suffix() + "\",\"kind\":\"" + kind + "\",\"districtCode\":\""
                        + YANGPU + "\"" + (parent == null ? "" : ",\"parentId\":\"" + parent + "\"") + "}")
                .post("/api/v1/orgs/organizations").then().statusCode(201).extract().path("id");
    }

    private static String member(String branch, String name) {
        return as(admin()).body("{\"name\":\"" + name + "\",\"idNumber\":\"" + IdNumbers.next() + "\",\"homeOrganizationId\":\""
                        + branch + "\",\"admittedOn\":\"2018-07-01\",\"fullSince\":\"2019-07-01\"}")
                .post("/api/v1/orgs/members").then().statusCode(201).extract().path("id");
    }

    private static String enrol(String token, String person, String session) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                as(token).body("{\"personId\":\"" + person + "\"}").post("/api/v1/training/sessions/" + session + "/enrolments")
                        .then().extract(), r -> r.statusCode() == 201).path("id");
    }

    @Test
    void a_waitlisted_member_is_told_of_the_held_seat_on_the_stream_and_accepts_it_through_its_link() throws Exception {
        String committee = organization("哔哩哔哩党委", "COMMITTEE", null);
        String branch = organization("UP主党支部", "BRANCH", committee);
        String course = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                as(admin()).body("{\"title\":\"党课 " + suffix() + "\",\"kind\":\"IMMERSIVE\",\"providerKind\":\"ORGANIZATION\","
                                + "\"providerId\":\"" + committee + "\",\"creditHours\":2}")
                        .post("/api/v1/training/courses").then().extract(), r -> r.statusCode() == 201).path("id");
        OffsetDateTime starts = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.HOURS);
        String session = as(admin()).body("{\"startsAt\":\"" + starts + "\",\"endsAt\":\"" + starts.plusHours(2)
                        + "\",\"venueKind\":\"ADDRESS\",\"venue\":\"哔哩哔哩党群服务站\",\"capacity\":1,\"holdMinutes\":10,"
                        + "\"enrolmentOpensAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC).minusHours(1) + "\","
                        + "\"enrolmentClosesAt\":\"" + starts.minusDays(1) + "\",\"cancellationDeadline\":\"" + starts.minusDays(1) + "\"}")
                .post("/api/v1/training/courses/" + course + "/sessions").then().statusCode(201).extract().path("id");
        String alice = member(branch, "王小明");
        String bob = member(branch, "李华");
        String aliceToken = Suite.get().token(alice, Set.of("member"));
        String bobToken = Suite.get().token(bob, Set.of("member"));
        String aliceEnrolment = enrol(aliceToken, alice, session);
        String bobEnrolment = enrol(bobToken, bob, session);
        as(bobToken).get("/api/v1/training/enrolments/" + bobEnrolment).then().statusCode(200).body("status", equalTo("WAITLISTED"));

        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(Suite.get().gateway() + "/api/v1/me/notifications/stream"))
                .header("Authorization", "Bearer " + bobToken).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        Thread reader = new Thread(() -> read(stream.body(), events), "bobs-phone");
        reader.setDaemon(true);
        reader.start();
        try {
            // Bob's waitlisting may reach the stream first; the held seat is what he waits for
            as(aliceToken).body("{\"reason\":\"临时有事\"}").post("/api/v1/training/enrolments/" + aliceEnrolment + "/cancellation")
                    .then().statusCode(200);
            JsonNode held = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (held == null && System.nanoTime() < deadline) {
                String data = events.poll(5, TimeUnit.SECONDS);
                if (data != null && JSON.readTree(data).path("kind").asText().equals("SEAT_HELD")) {
                    held = JSON.readTree(data);
                }
            }
            assertNotNull(held, "no held-seat notification on Bob's stream");
            assertEquals("候补名额已为您保留", held.path("title").asText());
            OffsetDateTime holdEnds = OffsetDateTime.parse(held.path("nextStep").path("deadline").asText());
            assertTrue(OffsetDateTime.now().isBefore(holdEnds), "told after the hold ended");

            String method = held.path("nextStep").path("method").asText();
            String href = held.path("nextStep").path("href").asText();
            assertEquals("POST", method);
            assertEquals("/api/v1/training/enrolments/" + bobEnrolment + "/acceptance", href);
            as(bobToken).post(href).then().statusCode(200).body("status", equalTo("CONFIRMED"));
        } finally {
            stream.body().close();
        }

        as(bobToken).get("/api/v1/me/notifications").then().statusCode(200)
                .body("items.find { it.kind == 'SEAT_HELD' }.nextStep.href",
                        equalTo("/api/v1/training/enrolments/" + bobEnrolment + "/acceptance"));
        as(aliceToken).post("/api/v1/me/notifications/" + as(bobToken).get("/api/v1/me/notifications").then().extract()
                        .path("items.find { it.kind == 'SEAT_HELD' }.id") + "/read")
                .then().statusCode(403).body("type", equalTo("urn:grassroots:problem:not-own-record"));
    }

    private static void read(InputStream body, BlockingQueue<String> events) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            StringBuilder data = null;
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(data.toString());
                    }
                    data = null;
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).strip());
                }
            }
        } catch (java.io.IOException closed) {
            // the test closed the stream
        }
    }
}
