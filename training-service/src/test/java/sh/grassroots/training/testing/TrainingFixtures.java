package sh.grassroots.training.testing;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Test data in domain words. People and organizations are written straight into training's
 * projections, as org-service's events would; courses and sessions go through the API.
 */
public final class TrainingFixtures {
    public static final String COURSES = "/api/v1/training/courses";
    public static final String SESSIONS = "/api/v1/training/sessions";
    public static final String ENROLMENTS = "/api/v1/training/enrolments";

    private final AgroalDataSource db;
    private final MutableClock clock;

    public TrainingFixtures(AgroalDataSource db, MutableClock clock) {
        this.db = db;
        this.clock = clock;
    }

    public UUID organization(String name, UUID parent) {
        UUID id = UUID.randomUUID();
        update("insert into known_organization (id, name, kind, district_code, parent_id) values (?, ?, ?, '310110', ?)",
                id, name, parent == null ? "COMMITTEE" : "BRANCH", parent);
        return id;
    }

    public UUID member(String name, UUID homeOrganization) {
        return learner(name, homeOrganization, "FULL", null);
    }

    public UUID learner(String name, UUID homeOrganization, String status, UUID memberUnit) {
        UUID id = UUID.randomUUID();
        update("insert into learner (person_id, display_name, home_organization_id, member_status, member_unit_id) "
                + "values (?, ?, ?, ?, ?)", id, name, homeOrganization, status, memberUnit);
        return id;
    }

    /** A lecture open to every member; returns the course id. */
    public String lecture(String title) {
        return course("{\"title\":\"" + title + "\",\"kind\":\"LECTURE\",\"providerKind\":\"ORGANIZATION\","
                + "\"providerId\":\"" + UUID.randomUUID() + "\",\"creditHours\":2.5}");
    }

    public String course(String json) {
        return given().contentType(ContentType.JSON).body(json).post(COURSES)
                .then().statusCode(201).extract().path("id");
    }

    /** Starts in a week; enrolment open from now until a day before; cancellable until two days before. */
    public String sessionOpenNow(String courseId, int capacity) {
        return sessionOpenNow(courseId, capacity, "");
    }

    public String sessionOpenNow(String courseId, int capacity, String extraJson) {
        return scheduleOpenNow(courseId, capacity, extraJson).statusCode(201).extract().path("id");
    }

    public ValidatableResponse scheduleOpenNow(String courseId, int capacity, String extraJson) {
        Instant now = clock.instant();
        Instant starts = now.plus(Duration.ofDays(7));
        return schedule(courseId, starts, starts.plus(Duration.ofHours(2)), capacity, now,
                starts.minus(Duration.ofDays(1)), starts.minus(Duration.ofDays(2)), extraJson);
    }

    public ValidatableResponse schedule(String courseId, Instant starts, Instant ends, int capacity, Instant opens,
                                        Instant closes, Instant deadline, String extraJson) {
        String body = """
                {"startsAt":"%s","endsAt":"%s","venueKind":"ADDRESS","venue":"哔哩哔哩党群服务站 多功能厅",
                 "capacity":%d,"enrolmentOpensAt":"%s","enrolmentClosesAt":"%s","cancellationDeadline":"%s"%s}"""
                .formatted(starts, ends, capacity, opens, closes, deadline, extraJson);
        return given().contentType(ContentType.JSON).body(body).post(COURSES + "/" + courseId + "/sessions").then();
    }

    public ValidatableResponse enrol(String sessionId, UUID personId) {
        return given().contentType(ContentType.JSON).body("{\"personId\":\"" + personId + "\"}")
                .post(SESSIONS + "/" + sessionId + "/enrolments").then();
    }

    /**
     * Cancels as the gateway would pass the caller on: {@code by} LEARNER is the enrolled person
     * themself (a member), ORGANIZER someone with the organizer role.
     */
    public ValidatableResponse cancel(String enrolmentId, String by, String reason) {
        String subject = "LEARNER".equals(by)
                ? given().get(ENROLMENTS + "/" + enrolmentId).then().statusCode(200).extract().path("personId")
                : UUID.randomUUID().toString();
        return cancelAs(enrolmentId, subject, "LEARNER".equals(by) ? "member" : "organizer", reason);
    }

    /** A request as the gateway forwards it for {@code subject} with {@code roles}. */
    public static io.restassured.specification.RequestSpecification as(Object subject, String roles) {
        return given().header("X-Caller-Subject", String.valueOf(subject)).header("X-Caller-Kind", "PERSON")
                .header("X-Caller-Roles", roles);
    }

    public ValidatableResponse cancelAs(String enrolmentId, String subject, String roles, String reason) {
        return given().contentType(ContentType.JSON)
                .header("X-Caller-Subject", subject).header("X-Caller-Kind", "PERSON").header("X-Caller-Roles", roles)
                .body("{\"reason\":\"" + reason + "\"}")
                .post(ENROLMENTS + "/" + enrolmentId + "/cancellation").then();
    }

    /** A session at a station room, open for enrolment from now once the station confirms the room. */
    public ValidatableResponse scheduleAtStationRoom(String courseId, int capacity, UUID roomId) {
        Instant now = clock.instant();
        Instant starts = now.plus(Duration.ofDays(7));
        String body = """
                {"startsAt":"%s","endsAt":"%s","venueKind":"STATION_ROOM","venue":"哔哩哔哩党群服务站 沉浸式党课室",
                 "stationRoomId":"%s","capacity":%d,"enrolmentOpensAt":"%s","enrolmentClosesAt":"%s",
                 "cancellationDeadline":"%s"}"""
                .formatted(starts, starts.plus(Duration.ofHours(2)), roomId, capacity, now,
                        starts.minus(Duration.ofDays(1)), starts.minus(Duration.ofDays(2)));
        return given().contentType(ContentType.JSON).body(body).post(COURSES + "/" + courseId + "/sessions").then();
    }

    public long count(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int seatsTaken(String sessionId) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select seats_taken from training_session where id = ?::uuid")) {
            s.setString(1, sessionId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void update(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
