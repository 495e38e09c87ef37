package sh.grassroots.training.calendar.api;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.events.StationEvents;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.training.calendar.model.FeedTokens;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.training.testing.TrainingFixtures.DISTRICT;

/**
 * Secret feed URLs: a member subscribes a phone calendar to their lessons and room bookings
 * without any header, refreshes cheaply, cannot hammer it, and ends it; the database keeps only
 * the token's hash. Bookings arrive as stations would send them, through the real broker.
 */
@QuarkusTest
class CalendarSubscriptionApiTest {
    static final String MINE = "/api/v1/me/calendar-subscriptions";

    @Inject
    AgroalDataSource db;
    @Inject
    MutableClock clock;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaCompanion kafka;
    TrainingFixtures fixtures;
    UUID bilibili;
    UUID up;

    @BeforeEach
    void setUp() {
        kafka = new KafkaCompanion(bootstrap);
        fixtures = new TrainingFixtures(db, clock);
        bilibili = fixtures.organization("哔哩哔哩党委", null);
        up = fixtures.organization("UP主党支部", bilibili);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    record Subscription(String id, String url, String token) {
        String path() {
            return "/calendar/" + token + ".ics";
        }
    }

    static Subscription subscribe(io.restassured.specification.RequestSpecification as, String body) {
        Response made = as.contentType(ContentType.JSON).body(body == null ? "{}" : body).post(MINE);
        made.then().statusCode(201).header("Cache-Control", "no-store")
                .header("Location", org.hamcrest.Matchers.endsWith(MINE + "/" + made.path("id")));
        String url = made.path("url");
        String token = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
        return new Subscription(made.path("id"), url, token);
    }

    UUID booked(String type, UUID bookerId, String bookerKind, Instant start) {
        UUID booking = UUID.randomUUID();
        send(booking, type, """
                {"bookingId":"%s","stationId":"%s","roomId":"%s","start":"%s","end":"%s","bookerKind":"%s",
                 "bookerId":"%s","attendees":12}""".formatted(booking, UUID.randomUUID(), UUID.randomUUID(),
                OffsetDateTime.ofInstant(start, ZoneOffset.ofHours(8)),
                OffsetDateTime.ofInstant(start.plus(Duration.ofHours(2)), ZoneOffset.ofHours(8)), bookerKind, bookerId));
        return booking;
    }

    void send(UUID booking, String type, String payload) {
        String json = """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"2026-12-01T10:00:00+08:00","aggregateId":"%s",
                 "district":"310110","traceparent":null,"payload":%s}""".formatted(UUID.randomUUID(), type, booking, payload);
        kafka.produceStrings().fromRecords(new ProducerRecord<>(StationEvents.TOPIC, booking.toString(), json))
                .awaitCompletion();
    }

    /** As a phone calendar refreshes: some seconds after the last time, so the per-token limit never bites. */
    Response refresh(Subscription feed) {
        clock.advance(Duration.ofSeconds(10));
        return given().get(feed.path());
    }

    static ICalendar parsed(String text) {
        List<ICalendar> calendars = Biweekly.parse(text).all();
        assertEquals(1, calendars.size(), text);
        return calendars.get(0);
    }

    static List<String> uids(ICalendar calendar) {
        return calendar.getEvents().stream().map(e -> e.getUid().getValue()).toList();
    }

    @Test
    void a_members_feed_url_serves_their_lessons_and_bookings_to_a_calendar_that_sends_no_header() {
        UUID member = fixtures.member("林小满", up);
        String course = fixtures.lecture("学习贯彻党的二十届四中全会精神");
        String enrolment = fixtures.enrol(fixtures.sessionOpenNow(course, 5), member).statusCode(201).extract().path("id");
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
        UUID confirmed = booked(StationEvents.CONFIRMED, member, "MEMBER", tomorrow);
        UUID pending = booked(StationEvents.REQUESTED, member, "MEMBER", tomorrow.plus(Duration.ofDays(1)));
        UUID someoneElses = booked(StationEvents.CONFIRMED, UUID.randomUUID(), "MEMBER", tomorrow);

        Subscription feed = subscribe(AsCaller.member(member), null);
        assertTrue(feed.url().startsWith("http") && feed.url().endsWith(feed.path()), feed.url());
        assertTrue(FeedTokens.wellFormed(feed.token()), "256 random bits, URL-safe: " + feed.token());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String text = refresh(feed).then().statusCode(200).contentType(startsWith("text/calendar"))
                    .extract().asString();
            ICalendar calendar = parsed(text);
            assertEquals(List.of(confirmed + "@stations.grassroots.sh", pending + "@stations.grassroots.sh",
                    enrolment + "@training.grassroots.sh").stream().sorted().toList(),
                    uids(calendar).stream().sorted().toList(), text);
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> fixtures.count(
                "select count(*) from station_booking where booking_id = ?::uuid", someoneElses.toString()) == 1);
        ICalendar calendar = parsed(refresh(feed).asString());
        assertTrue(!uids(calendar).contains(someoneElses + "@stations.grassroots.sh"), "another member's booking");
        VEvent lesson = calendar.getEvents().stream()
                .filter(e -> e.getUid().getValue().equals(enrolment + "@training.grassroots.sh")).findFirst().orElseThrow();
        assertEquals("学习贯彻党的二十届四中全会精神", lesson.getSummary().getValue());
        VEvent tentative = calendar.getEvents().stream()
                .filter(e -> e.getUid().getValue().equals(pending + "@stations.grassroots.sh")).findFirst().orElseThrow();
        assertEquals("TENTATIVE", tentative.getStatus().getValue());

        send(confirmed, StationEvents.CANCELLED, """
                {"bookingId":"%s","stationId":"%s","roomId":"%s","start":null,"end":null,"reason":"停电"}"""
                .formatted(confirmed, UUID.randomUUID(), UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertTrue(
                !refresh(feed).asString().contains(confirmed.toString()), "a cancelled booking leaves the feed"));
    }

    @Test
    void a_revoked_feed_answers_exactly_like_one_never_made() {
        UUID member = fixtures.member("周一鸣", up);
        Subscription feed = subscribe(AsCaller.member(member), null);
        given().get(feed.path()).then().statusCode(200);

        AsCaller.member(member).delete(MINE + "/" + feed.id()).then().statusCode(204);

        Response revoked = given().get(feed.path());
        Response neverMade = given().get("/calendar/" + FeedTokens.newToken(new java.security.SecureRandom()) + ".ics");
        Response notAToken = given().get("/calendar/abc.ics");
        for (Response answer : List.of(revoked, neverMade, notAToken)) {
            answer.then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("urn:grassroots:problem:not-found"));
        }
        assertEquals(neverMade.asString(), revoked.asString());
        assertEquals(neverMade.asString(), notAToken.asString());
        AsCaller.member(member).get(MINE).then().statusCode(200).body("items.id", not(hasItem(feed.id())));
        AsCaller.member(member).delete(MINE + "/" + feed.id()).then().statusCode(404);
    }

    @Test
    void a_refresh_with_nothing_new_is_304_and_a_new_booking_changes_the_etag() {
        UUID member = fixtures.member("陈晓", up);
        Subscription feed = subscribe(AsCaller.member(member), null);
        Response first = given().get(feed.path());
        String etag = first.header("ETag");
        assertTrue(etag != null && etag.startsWith("W/\""), "a weak ETag: " + etag);

        clock.advance(Duration.ofMinutes(1));
        given().header("If-None-Match", etag).get(feed.path()).then().statusCode(304)
                .header("ETag", etag).body(emptyString());
        given().header("If-None-Match", "W/\"something-else\"").get(feed.path()).then().statusCode(200);

        booked(StationEvents.CONFIRMED, member, "MEMBER", clock.instant().plus(Duration.ofDays(2)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            clock.advance(Duration.ofSeconds(20));
            Response changed = given().header("If-None-Match", etag).get(feed.path());
            changed.then().statusCode(200);
            assertNotEquals(etag, changed.header("ETag"));
        });
    }

    @Test
    void a_feed_fetched_more_often_than_a_calendar_would_is_429_with_retry_after_and_then_served_again() {
        UUID member = fixtures.member("王芳", up);
        Subscription feed = subscribe(AsCaller.member(member), null);
        for (int i = 0; i < 6; i++) {
            given().get(feed.path()).then().statusCode(200);
        }
        Response refused = given().get(feed.path());
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:rate-limited"))
                .body("instance", not(org.hamcrest.Matchers.containsString(feed.token())));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

        Subscription another = subscribe(AsCaller.member(member), null);
        given().get(another.path()).then().statusCode(200);

        clock.advance(Duration.ofSeconds(retryAfter));
        given().get(feed.path()).then().statusCode(200);
    }

    @Test
    void the_database_keeps_only_the_tokens_hash_and_the_list_never_shows_a_token_again() {
        UUID member = fixtures.member("赵敏", up);
        Subscription feed = subscribe(AsCaller.member(member), null);

        assertEquals(1, fixtures.count("select count(*) from calendar_subscription where id = ?::uuid and token_hash = decode(?, 'hex')",
                feed.id(), HexFormat.of().formatHex(FeedTokens.hash(feed.token()))));
        assertEquals(0, fixtures.count("select count(*) from calendar_subscription c where row_to_json(c)::text like ?",
                "%" + feed.token() + "%"));
        assertEquals(0, fixtures.count("""
                select count(*) from calendar_subscription c
                where encode(c.token_hash, 'escape') like ? or encode(c.token_hash, 'base64') like ?""",
                "%" + feed.token() + "%", "%" + feed.token() + "%"));

        Response list = AsCaller.member(member).get(MINE);
        list.then().statusCode(200).body("items.id", hasItem(feed.id())).body("items[0].kind", equalTo("PERSON"))
                .body("items[0].subjectId", equalTo(member.toString())).body("items[0].url", nullValue());
        assertTrue(!list.asString().contains(feed.token()), list.asString());
    }

    @Test
    void an_organizations_feed_is_made_by_whoever_reads_its_training_and_holds_its_sessions_and_bookings() {
        String course = fixtures.course("""
                {"title":"支部书记轮训","kind":"LECTURE","providerKind":"ORGANIZATION","providerId":"%s","creditHours":1}"""
                .formatted(bilibili));
        String session = fixtures.sessionOpenNow(course, 30);
        UUID roomBooking = booked(StationEvents.CONFIRMED, bilibili, "ORGANIZATION", clock.instant().plus(Duration.ofDays(3)));

        UUID elsewhere = fixtures.organization("东方证券党委", null);
        AsCaller.organizer(elsewhere, DISTRICT).contentType(ContentType.JSON)
                .body("{\"organizationId\":\"" + bilibili + "\"}").post(MINE).then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        AsCaller.organizer(bilibili, DISTRICT).contentType(ContentType.JSON)
                .body("{\"organizationId\":\"" + UUID.randomUUID() + "\"}").post(MINE).then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:organization-unknown"));

        Subscription feed = subscribe(AsCaller.trainingAdmin(bilibili), "{\"organizationId\":\"" + bilibili + "\"}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(
                List.of(session + "@training.grassroots.sh", roomBooking + "@stations.grassroots.sh").stream().sorted().toList(),
                uids(parsed(refresh(feed).asString())).stream().sorted().toList()));

        AsCaller.branchSecretary(up).delete(MINE + "/" + feed.id()).then().statusCode(403);
        AsCaller.organizer(bilibili, DISTRICT).delete(MINE + "/" + feed.id()).then().statusCode(204);
        given().get(feed.path()).then().statusCode(404);
    }

    @Test
    void a_person_has_at_most_twenty_feeds() {
        UUID member = fixtures.member("李雷", up);
        for (int i = 0; i < 20; i++) {
            subscribe(AsCaller.member(member), null);
        }
        AsCaller.member(member).contentType(ContentType.JSON).body("{}").post(MINE).then().statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:calendar-subscriptions-limit"));
    }
}
