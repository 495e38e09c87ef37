package sh.grassroots.training.testing;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import sh.grassroots.platform.testing.AsCaller;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * Test data in domain words. People, organizations and conferences are written straight into
 * training's projections, as org-service's events would; courses and sessions go through the API,
 * each call made as the caller who would make it: a course and its sessions by an organizer of
 * its provider, an enrolment by the person themselves.
 */
public final class TrainingFixtures {
    public static final String COURSES = "/api/v1/training/courses";
    public static final String SESSIONS = "/api/v1/training/sessions";
    public static final String ENROLMENTS = "/api/v1/training/enrolments";
    /** Every organization the fixtures make is in Yangpu. */
    public static final String DISTRICT = "310110";
    private static final Pattern PROVIDER_ID = Pattern.compile("\"providerId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern PROVIDER_KIND = Pattern.compile("\"providerKind\"\\s*:\\s*\"(\\w+)\"");

    private final AgroalDataSource db;
    private final MutableClock clock;
    private UUID provider;

    public TrainingFixtures(AgroalDataSource db, MutableClock clock) {
        this.db = db;
        this.clock = clock;
    }

    public UUID organization(String name, UUID parent) {
        UUID id = UUID.randomUUID();
        update("insert into known_organization (id, name, kind, district_code, parent_id) values (?, ?, ?, ?, ?)",
                id, name, parent == null ? "COMMITTEE" : "BRANCH", DISTRICT, parent);
        return id;
    }

    /** A joint conference hosted by {@code hostDistrict}, as org.conference.v1 would project it. */
    public UUID conference(String name, String hostDistrict) {
        UUID id = UUID.randomUUID();
        update("insert into known_conference (id, name, host_district, updated_at) values (?, ?, ?, now())",
                id, name, hostDistrict);
        return id;
    }

    /** A member unit of {@code conference}, which it joined and has not left. */
    public UUID memberUnit(String name, UUID conference, String hostDistrict) {
        UUID id = UUID.randomUUID();
        update("insert into known_member_unit (id, conference_id, name, host_district, updated_at) values (?, ?, ?, ?, now())",
                id, conference, name, hostDistrict);
        return id;
    }

    /** The organization that provides the lectures these fixtures create (the training department of a committee). */
    public UUID provider() {
        if (provider == null) {
            provider = organization("党校 " + UUID.randomUUID(), null);
        }
        return provider;
    }

    /** Anyone signed in: a member with no roles beyond that, who may read courses and sessions. */
    public static RequestSpecification anyone() {
        return AsCaller.member(UUID.randomUUID());
    }

    /** An organizer of the organization {@code providerId}, in the fixtures' district. */
    public static RequestSpecification organizerOf(UUID providerId) {
        return AsCaller.organizer(providerId, DISTRICT);
    }

    /** One of the organizers of the course: of its provider organization, or its conference's office. */
    public RequestSpecification organizerOfCourse(String courseId) {
        String[] provider = row("select provider_kind, provider_id::text from course where id = ?::uuid", courseId);
        return organizerFor(provider[0], UUID.fromString(provider[1]));
    }

    /** One of the organizers of the session's course. */
    public RequestSpecification organizerOfSession(String sessionId) {
        return organizerOfCourse(row("select course_id::text from training_session where id = ?::uuid", sessionId)[0]);
    }

    /** The person the enrolment is for. */
    public RequestSpecification theEnrolled(String enrolmentId) {
        return AsCaller.member(row("select person_id::text from enrolment where id = ?::uuid", enrolmentId)[0]);
    }

    /** One of the organizers of the session the enrolment is in (who may read and cancel it). */
    public RequestSpecification organizerOfEnrolment(String enrolmentId) {
        return organizerOfSession(row("select session_id::text from enrolment where id = ?::uuid", enrolmentId)[0]);
    }

    private RequestSpecification organizerFor(String providerKind, UUID providerId) {
        if ("JOINT_CONFERENCE".equals(providerKind)) {
            String host = row("select host_district from known_conference where id = ?", providerId)[0];
            return AsCaller.districtAdmin(host);
        }
        return organizerOf(providerId);
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

    /** A lecture of {@link #provider()} open to every member; returns the course id. */
    public String lecture(String title) {
        return course("{\"title\":\"" + title + "\",\"kind\":\"LECTURE\",\"providerKind\":\"ORGANIZATION\","
                + "\"providerId\":\"" + provider() + "\",\"creditHours\":2.5}");
    }

    /** Creates the course as an organizer of the provider the JSON names. */
    public String course(String json) {
        return createCourse(json).statusCode(201).extract().path("id");
    }

    public ValidatableResponse createCourse(String json) {
        Matcher id = PROVIDER_ID.matcher(json);
        Matcher kind = PROVIDER_KIND.matcher(json);
        if (!id.find() || !kind.find()) {
            throw new IllegalArgumentException("A course names its provider: " + json);
        }
        return organizerFor(kind.group(1), UUID.fromString(id.group(1))).contentType(ContentType.JSON).body(json)
                .post(COURSES).then();
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
        return asOrganizerOfCourse(courseId).contentType(ContentType.JSON).body(body)
                .post(COURSES + "/" + courseId + "/sessions").then();
    }

    /** An organizer of the course, or anyone when there is no such course (the service answers 404). */
    private RequestSpecification asOrganizerOfCourse(String courseId) {
        return count("select count(*) from course where id = ?::uuid", courseId) == 1 ? organizerOfCourse(courseId)
                : AsCaller.organizer(UUID.randomUUID(), DISTRICT);
    }

    /** The person enrols themselves. */
    public ValidatableResponse enrol(String sessionId, UUID personId) {
        return enrolAs(AsCaller.member(personId), sessionId, personId);
    }

    public static ValidatableResponse enrolAs(RequestSpecification caller, String sessionId, UUID personId) {
        return caller.contentType(ContentType.JSON).body("{\"personId\":\"" + personId + "\"}")
                .post(SESSIONS + "/" + sessionId + "/enrolments").then();
    }

    /**
     * Cancels as the gateway would pass the caller on: {@code by} LEARNER is the enrolled person
     * themself (a member), ORGANIZER an organizer of the session's course.
     */
    public ValidatableResponse cancel(String enrolmentId, String by, String reason) {
        RequestSpecification caller = "LEARNER".equals(by) ? theEnrolled(enrolmentId) : organizerOfEnrolment(enrolmentId);
        return cancelAs(caller, enrolmentId, reason);
    }

    public static ValidatableResponse cancelAs(RequestSpecification caller, String enrolmentId, String reason) {
        return caller.contentType(ContentType.JSON).body("{\"reason\":\"" + reason + "\"}")
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
        return asOrganizerOfCourse(courseId).contentType(ContentType.JSON).body(body)
                .post(COURSES + "/" + courseId + "/sessions").then();
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

    /** The first row of a query, as text. */
    public String[] row(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No row for " + sql);
                }
                String[] row = new String[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getString(i + 1);
                }
                return row;
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
