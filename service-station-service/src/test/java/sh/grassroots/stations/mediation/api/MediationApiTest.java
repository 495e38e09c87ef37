package sh.grassroots.stations.mediation.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.persistence.DatabaseFailures;
import sh.grassroots.stations.support.Api;
import sh.grassroots.stations.support.Projections;
import sh.grassroots.stations.support.TestClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.stations.support.Api.STATIONS;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.aStation;
import static sh.grassroots.stations.support.Api.asManager;
import static sh.grassroots.stations.support.Api.asSecretaryOf;

/** Mediation sessions at 蓬莱路 through the API and the real database. */
@QuarkusTest
class MediationApiTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String TYPE = "urn:grassroots:problem:";

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource dataSource;

    String station;
    String room;
    /** The temporary branch of the 蓬莱路 block, which arranges the mediations. */
    String siteBranch;

    @BeforeEach
    void aStationWithAMediationRoom() {
        clock.reset();
        siteBranch = UUID.randomUUID().toString();
        Projections.knownOrganization(siteBranch, null, Api.DISTRICT);
        station = aStation();
        room = aRoom(station, "{\"name\":\"调解室\",\"capacity\":8}");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String body(String secretary, String officer, String lawyer, String family) {
        return """
                {"start":"2026-12-02T14:00:00+08:00","end":"2026-12-02T16:00:00+08:00","site":"蓬莱路地块",
                 "bookerKind":"ORGANIZATION","bookerId":"%s","bookerName":"蓬莱路地块临时党支部",
                 %s%s%s"family":%s}""".formatted(siteBranch,
                secretary == null ? "" : "\"residentsSecretary\":\"" + secretary + "\",",
                officer == null ? "" : "\"expropriationOfficer\":\"" + officer + "\",",
                lawyer == null ? "" : "\"lawyer\":\"" + lawyer + "\",", family);
    }

    private Response schedule(String json) {
        return asManager().contentType(ContentType.JSON).body(json)
                .post(STATIONS + "/" + station + "/rooms/" + room + "/mediations");
    }

    private Response outcome(String id, String json) {
        return asManager().contentType(ContentType.JSON).body(json)
                .post(STATIONS + "/" + station + "/mediations/" + id + "/outcome");
    }

    private String scheduled() {
        return schedule(body("小西门居民区书记", "征收事务所经办人", "法律援助律师",
                "{\"names\":[\"陈家\"],\"phone\":\"13812345678\"}"))
                .then().statusCode(201).extract().path("booking.id");
    }

    @Test
    void a_mediation_is_a_booking_with_its_roles_and_the_family_whose_phone_is_masked() {
        Response created = schedule(body("小西门居民区书记", "征收事务所经办人", "法律援助律师",
                "{\"names\":[\"陈家 陈阿姨\",\"陈先生\"],\"phone\":\"13812345678\"}"));
        created.then().statusCode(201)
                .header("Location", containsString("/mediations/"))
                .body("booking.status", equalTo("CONFIRMED"))
                .body("booking.attendees", equalTo(5))
                .body("booking.purpose", equalTo("调解 · 蓬莱路地块"))
                .body("lawyer", equalTo("法律援助律师"))
                .body("family.names", hasItem("陈先生"))
                .body("family.phone", equalTo("138****5678"))
                .body("outcome", equalTo(null));
        String id = created.path("booking.id");
        asSecretaryOf(siteBranch).get(STATIONS + "/" + station + "/mediations/" + id).then().statusCode(200)
                .body("family.phone", equalTo("138****5678"))
                .body(not(containsString("13812345678")));
    }

    @Test
    void a_mediation_without_a_lawyer_is_refused_naming_the_missing_role() {
        schedule(body("小西门居民区书记", "征收事务所经办人", null, "{\"names\":[\"陈家\"]}"))
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "mediation-role-missing"))
                .body("errors.field", hasItem("lawyer"));
    }

    @Test
    void a_mediation_without_the_family_is_refused() {
        schedule(body("小西门居民区书记", "征收事务所经办人", "法律援助律师", "{\"names\":[]}"))
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "mediation-family-missing"));
    }

    @Test
    void the_booking_rules_still_apply_to_a_mediation() {
        asManager().contentType(ContentType.JSON)
                .body(body("书记", "经办人", "律师", "{\"names\":[\"陈家\"]}")
                        .replace("2026-12-02T16:00:00", "2026-12-02T22:00:00"))
                .post(STATIONS + "/" + station + "/rooms/" + room + "/mediations")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "booking-outside-opening-hours"));
    }

    @Test
    void the_outcome_is_refused_before_the_session_and_recorded_once_after_it_started() {
        String id = scheduled();
        outcome(id, "{\"outcome\":\"AGREED\",\"summary\":\"签约\"}")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "mediation-not-started"));

        clock.set(OffsetDateTime.parse("2026-12-02T15:30:00+08:00").toInstant());
        outcome(id, "{\"outcome\":\"PARTIAL\",\"summary\":\"补偿款达成一致，安置房源下次再议\"}")
                .then().statusCode(200)
                .body("outcome", equalTo("PARTIAL"))
                .body("outcomeRecordedAt", equalTo("2026-12-02T15:30:00+08:00"));

        outcome(id, "{\"outcome\":\"AGREED\",\"summary\":\"改口\"}")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "mediation-outcome-already-recorded"));
        asManager().get(STATIONS + "/" + station + "/mediations/" + id).then().statusCode(200)
                .body("outcome", equalTo("PARTIAL"));
    }

    @Test
    void an_unknown_outcome_is_a_validation_problem() {
        String id = scheduled();
        outcome(id, "{\"outcome\":\"MAYBE\",\"summary\":\"?\"}").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void the_database_refuses_to_overwrite_a_recorded_outcome_whatever_the_application_does() throws Exception {
        String id = scheduled();
        clock.set(OffsetDateTime.parse("2026-12-02T15:30:00+08:00").toInstant());
        outcome(id, "{\"outcome\":\"NOT_AGREED\",\"summary\":\"家庭内部意见不一\"}").then().statusCode(200);

        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "update mediation set outcome = 'AGREED', outcome_summary = 'x' where booking_id = ?::uuid")) {
            s.setString(1, id);
            SQLException refused = assertThrows(SQLException.class, s::executeUpdate);
            assertEquals("23514", refused.getSQLState());
        }
    }

    @Test
    void the_service_recognises_the_databases_refusal_in_the_shape_hibernate_reactive_reports_it() {
        String id = scheduled();
        clock.set(OffsetDateTime.parse("2026-12-02T15:30:00+08:00").toInstant());
        outcome(id, "{\"outcome\":\"NOT_AGREED\",\"summary\":\"家庭内部意见不一\"}").then().statusCode(200);

        Throwable refused = assertThrows(Throwable.class, () -> VertxContextSupport.subscribeAndAwait(() ->
                Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "update mediation set outcome = 'AGREED', outcome_summary = 'x' where booking_id = '" + id + "'")
                        .executeUpdate()))));
        assertTrue(DatabaseFailures.violates(refused, DatabaseFailures.CHECK_VIOLATION, "mediation_outcome_recorded_once"),
                () -> "not recognised: " + refused);
    }
}
