package sh.grassroots.systemtests;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The attacks of issue 13 that only the services themselves can stop, walked end to end through
 * the gateway in front of the four packaged services: the gateway's role rules let each of them
 * pass (the caller has the right kind of role), and the service refuses because the object is
 * not the caller's. Also: a service reached without the gateway's caller headers answers 401.
 */
@ExtendWith(Suite.class)
class ObjectLevelAttacksTest {
    private static final String YANGPU = "310110";
    private static final String HUANGPU = "310101";
    private static final String WEEK = "MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY";

    private static RequestSpecification as(String token) {
        return given().baseUri(Suite.get().gateway()).header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON);
    }

    private static String admin(String district) {
        return Suite.get().token("admin-" + district, Set.of("district_admin"), district, null);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * 403 problem+json with one of platform/access's refusals: which one (the person's own record,
     * or a scope the caller lacks) is the service's policy to say.
     */
    private static void refused(io.restassured.response.Response response) {
        response.then().statusCode(403).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.in(java.util.List.of("urn:grassroots:problem:not-own-record",
                        "urn:grassroots:problem:out-of-scope")));
    }

    private static String organization(String district, String name, String kind, String parent) {
        return as(admin(district)).body("{\"name\":\"" + name + " " + suffix() + "\",\"kind\":\"" + kind
                        + "\",\"districtCode\":\"" + district + "\"" + (parent == null ? "" : ",\"parentId\":\"" + parent + "\"") + "}")
                .post("/api/v1/orgs/organizations").then().statusCode(201).extract().path("id");
    }

    private static String member(String district, String branch, String name) {
        return as(admin(district)).body("{\"name\":\"" + name + "\",\"idNumber\":\"" + IdNumbers.next() + "\","
                        + "\"homeOrganizationId\":\"" + branch + "\",\"admittedOn\":\"2018-07-01\",\"fullSince\":\"2019-07-01\"}")
                .post("/api/v1/orgs/members").then().statusCode(201).extract().path("id");
    }

    /** A station of {@code district} managed by {@code manager}, open all day every day, with one room. */
    private static String[] stationWithRoom(String district, String manager, boolean approval) {
        StringBuilder hours = new StringBuilder();
        for (String day : WEEK.split(" ")) {
            hours.append(hours.length() == 0 ? "" : ",").append("{\"weekday\":\"").append(day)
                    .append("\",\"opens\":\"00:00\",\"closes\":\"23:59\"}");
        }
        String station = as(admin(district)).body("{\"name\":\"党群服务站 " + suffix() + "\",\"districtCode\":\"" + district
                        + "\",\"address\":\"上海市\",\"managers\":[\"" + manager + "\"],\"openingHours\":[" + hours + "]}")
                .post("/api/v1/stations").then().statusCode(201).extract().path("id");
        String room = as(admin(district)).body("{\"name\":\"会议室\",\"capacity\":10,\"requiresApproval\":" + approval + "}")
                .post("/api/v1/stations/" + station + "/rooms").then().statusCode(201).extract().path("id");
        return new String[] {station, room};
    }

    private static String bookAsMember(String token, String memberId, String station, String room) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).truncatedTo(ChronoUnit.HOURS).withHour(10);
        return as(token).body("{\"start\":\"" + start + "\",\"end\":\"" + start.plusHours(1) + "\",\"bookerKind\":\"MEMBER\","
                        + "\"bookerId\":\"" + memberId + "\",\"bookerName\":\"王小明\",\"purpose\":\"学习小组\",\"attendees\":4}")
                .post("/api/v1/stations/" + station + "/rooms/" + room + "/bookings").then().statusCode(201).extract().path("id");
    }

    @Test
    void a_member_cannot_cancel_another_members_booking() {
        String branch = organization(YANGPU, "第一党支部", "BRANCH", organization(YANGPU, "哔哩哔哩党委", "COMMITTEE", null));
        String alice = member(YANGPU, branch, "王小明");
        String bob = member(YANGPU, branch, "李华");
        String[] place = stationWithRoom(YANGPU, "manager-" + suffix(), false);
        String booking = bookAsMember(Suite.get().token(alice, Set.of("member")), alice, place[0], place[1]);

        refused(as(Suite.get().token(bob, Set.of("member"))).body("{\"reason\":\"不去了\"}")
                .post("/api/v1/stations/" + place[0] + "/bookings/" + booking + "/cancel"));
        as(Suite.get().token(alice, Set.of("member"))).body("{\"reason\":\"不去了\"}")
                .post("/api/v1/stations/" + place[0] + "/bookings/" + booking + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void a_station_manager_of_one_district_cannot_approve_a_booking_at_another_districts_station() {
        String huangpuManager = "manager-huangpu-" + suffix();
        String yangpuManager = "manager-yangpu-" + suffix();
        String[] huangpuPlace = stationWithRoom(HUANGPU, huangpuManager, true);
        stationWithRoom(YANGPU, yangpuManager, false);
        String branch = organization(HUANGPU, "外滩街道第一党支部", "BRANCH", organization(HUANGPU, "外滩街道党工委", "COMMITTEE", null));
        String member = member(HUANGPU, branch, "陈阿姨");
        String booking = bookAsMember(Suite.get().token(member, Set.of("member")), member, huangpuPlace[0], huangpuPlace[1]);
        String approve = "/api/v1/stations/" + huangpuPlace[0] + "/bookings/" + booking + "/approve";

        refused(as(Suite.get().token(yangpuManager, Set.of("station_manager"), YANGPU, null)).post(approve));
        as(Suite.get().token(huangpuManager, Set.of("station_manager"), HUANGPU, null)).post(approve).then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
    }

    /** A session of a course 哔哩哔哩党委 provides, open for enrolment now, and a member of one of its branches. */
    private record Lesson(String session, String branch, String committee) {
    }

    private static Lesson lesson() {
        String committee = organization(YANGPU, "哔哩哔哩党委", "COMMITTEE", null);
        String branch = organization(YANGPU, "UP主党支部", "BRANCH", committee);
        String organizer = admin(YANGPU);
        // training learns of the organization from org-service's events a moment later
        String course = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                as(organizer).body("{\"title\":\"党课 " + suffix() + "\",\"kind\":\"IMMERSIVE\",\"providerKind\":\"ORGANIZATION\","
                                + "\"providerId\":\"" + committee + "\",\"creditHours\":2}")
                        .post("/api/v1/training/courses").then().extract(), r -> r.statusCode() == 201).path("id");
        OffsetDateTime starts = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.HOURS);
        String session = as(organizer).body("{\"startsAt\":\"" + starts + "\",\"endsAt\":\"" + starts.plusHours(2)
                        + "\",\"venueKind\":\"ADDRESS\",\"venue\":\"哔哩哔哩党群服务站\",\"capacity\":30,"
                        + "\"enrolmentOpensAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC).minusHours(1) + "\","
                        + "\"enrolmentClosesAt\":\"" + starts.minusDays(1) + "\",\"cancellationDeadline\":\"" + starts.minusDays(1) + "\"}")
                .post("/api/v1/training/courses/" + course + "/sessions").then().statusCode(201).extract().path("id");
        return new Lesson(session, branch, committee);
    }

    @Test
    void a_member_cannot_cancel_another_members_enrolment() {
        Lesson lesson = lesson();
        String alice = member(YANGPU, lesson.branch(), "王小明");
        String bob = member(YANGPU, lesson.branch(), "李华");
        String aliceToken = Suite.get().token(alice, Set.of("member"));
        String enrolment = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                as(aliceToken).body("{\"personId\":\"" + alice + "\"}")
                        .post("/api/v1/training/sessions/" + lesson.session() + "/enrolments").then().extract(),
                r -> r.statusCode() == 201).path("id");

        refused(as(Suite.get().token(bob, Set.of("member"))).body("{\"reason\":\"替他取消\"}")
                .post("/api/v1/training/enrolments/" + enrolment + "/cancellation"));
        as(aliceToken).body("{\"reason\":\"有事\"}").post("/api/v1/training/enrolments/" + enrolment + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void a_member_cannot_read_a_sessions_check_in_code_even_straight_at_training() {
        Lesson lesson = lesson();
        String member = member(YANGPU, lesson.branch(), "王小明");
        // past the gateway's role rule (see PathTricksEndToEndTest), training refuses it itself
        given().baseUri(Suite.get().service("training-service").url())
                .header(sh.grassroots.platform.access.CallerHeaders.SUBJECT, member)
                .header(sh.grassroots.platform.access.CallerHeaders.KIND, "PERSON")
                .header(sh.grassroots.platform.access.CallerHeaders.ROLES, "member")
                .get("/api/v1/training/sessions/" + lesson.session() + "/check-in-code")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.in(java.util.List.of("urn:grassroots:problem:not-own-record",
                        "urn:grassroots:problem:out-of-scope")));
        as(admin(YANGPU)).get("/api/v1/training/sessions/" + lesson.session() + "/check-in-code").then().statusCode(200);
    }

    @Test
    void a_request_straight_to_training_or_stations_without_caller_headers_is_401() {
        for (String[] target : new String[][] {{"training-service", "/api/v1/training/sessions?limit=1"},
                {"service-station-service", "/api/v1/stations/" + UUID.randomUUID()}}) {
            given().baseUri(Suite.get().service(target[0]).url()).get(target[1]).then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:grassroots:problem:unauthenticated"));
        }
    }
}
