package sh.grassroots.systemtests;

import biweekly.Biweekly;
import biweekly.ICalendar;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16's done-when, through the gateway in front of the packaged services: a member enrolled
 * in a session and with a room booked at a station makes a feed URL; a phone calendar fetches it
 * with no header at all and reads both as iCalendar; once revoked the URL answers 404. The
 * booking reaches training's feed as stations' event (stations.booking.v1), not by a call.
 */
@ExtendWith(Suite.class)
class CalendarSubscriptionEndToEndTest {
    private static final String YANGPU = "310110";
    private static final String WEEK = "MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY";

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

    @Test
    void a_subscribed_feed_url_holds_the_lesson_and_the_booking_and_stops_working_once_revoked() {
        String committee = organization("哔哩哔哩党委", "COMMITTEE", null);
        String branch = organization("UP主党支部", "BRANCH", committee);
        String member = as(admin()).body("{\"name\":\"林小满\",\"idNumber\":\"" + IdNumbers.next() + "\",\"homeOrganizationId\":\""
                        + branch + "\",\"admittedOn\":\"2018-07-01\",\"fullSince\":\"2019-07-01\"}")
                .post("/api/v1/orgs/members").then().statusCode(201).extract().path("id");
        String memberToken = Suite.get().token(member, Set.of("member"));

        String title = "党课 " + suffix();
        String course = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                as(admin()).body("{\"title\":\"" + title + "\",\"kind\":\"LECTURE\",\"providerKind\":\"ORGANIZATION\","
                                + "\"providerId\":\"" + committee + "\",\"creditHours\":1}")
                        .post("/api/v1/training/courses").then().extract(), r -> r.statusCode() == 201).path("id");
        OffsetDateTime starts = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.HOURS);
        String session = as(admin()).body("{\"startsAt\":\"" + starts + "\",\"endsAt\":\"" + starts.plusHours(2)
                        + "\",\"venueKind\":\"ADDRESS\",\"venue\":\"哔哩哔哩党群服务站\",\"capacity\":5,"
                        + "\"enrolmentOpensAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC).minusHours(1) + "\","
                        + "\"enrolmentClosesAt\":\"" + starts.minusDays(1) + "\",\"cancellationDeadline\":\"" + starts.minusDays(1) + "\"}")
                .post("/api/v1/training/courses/" + course + "/sessions").then().statusCode(201).extract().path("id");
        String enrolment = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                as(memberToken).body("{\"personId\":\"" + member + "\"}").post("/api/v1/training/sessions/" + session + "/enrolments")
                        .then().extract(), r -> r.statusCode() == 201).path("id");

        StringBuilder hours = new StringBuilder();
        for (String day : WEEK.split(" ")) {
            hours.append(hours.length() == 0 ? "" : ",").append("{\"weekday\":\"").append(day)
                    .append("\",\"opens\":\"00:00\",\"closes\":\"23:59\"}");
        }
        String station = as(admin()).body("{\"name\":\"党群服务站 " + suffix() + "\",\"districtCode\":\"" + YANGPU
                        + "\",\"address\":\"上海市杨浦区\",\"managers\":[\"manager-" + suffix() + "\"],\"openingHours\":[" + hours + "]}")
                .post("/api/v1/stations").then().statusCode(201).extract().path("id");
        String room = as(admin()).body("{\"name\":\"会议室\",\"capacity\":10,\"requiresApproval\":false}")
                .post("/api/v1/stations/" + station + "/rooms").then().statusCode(201).extract().path("id");
        OffsetDateTime bookingStart = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).truncatedTo(ChronoUnit.HOURS).withHour(10);
        String booking = as(memberToken).body("{\"start\":\"" + bookingStart + "\",\"end\":\"" + bookingStart.plusHours(1)
                        + "\",\"bookerKind\":\"MEMBER\",\"bookerId\":\"" + member + "\",\"bookerName\":\"林小满\","
                        + "\"purpose\":\"学习小组\",\"attendees\":4}")
                .post("/api/v1/stations/" + station + "/rooms/" + room + "/bookings").then().statusCode(201).extract().path("id");

        Response made = as(memberToken).body("{}").post("/api/v1/me/calendar-subscriptions");
        made.then().statusCode(201);
        String url = made.path("url");
        assertTrue(url.startsWith(Suite.get().gateway() + "/calendar/"), url);

        List<String> expected = List.of(enrolment + "@training.grassroots.sh", booking + "@stations.grassroots.sh");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Response feed = given().get(url);
            feed.then().statusCode(200);
            assertTrue(feed.contentType().startsWith("text/calendar"), feed.contentType());
            ICalendar calendar = Biweekly.parse(feed.asString()).first();
            List<String> uids = calendar.getEvents().stream().map(e -> e.getUid().getValue()).sorted().toList();
            assertEquals(expected.stream().sorted().toList(), uids, feed.asString());
            assertEquals(title, calendar.getEvents().stream()
                    .filter(e -> e.getUid().getValue().startsWith(enrolment)).findFirst().orElseThrow().getSummary().getValue());
        });

        as(memberToken).get("/api/v1/me/calendar-subscriptions").then().statusCode(200)
                .body("items[0].id", equalTo(made.path("id")));
        as(memberToken).delete("/api/v1/me/calendar-subscriptions/" + made.path("id")).then().statusCode(204);
        given().get(url).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:not-found"));
    }
}
