package sh.grassroots.stations.decision;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.stations.support.Api;
import sh.grassroots.stations.support.Projections;
import sh.grassroots.stations.support.TestClock;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static sh.grassroots.stations.support.Api.MANAGER;
import static sh.grassroots.stations.support.Api.STATIONS;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.asAdmin;
import static sh.grassroots.stations.support.Api.asManager;
import static sh.grassroots.stations.support.Api.asSecretaryOf;
import static sh.grassroots.stations.support.Api.book;
import static sh.grassroots.stations.support.Api.booking;

/**
 * A station keeps who decided: who approved or rejected a booking request and who recorded a
 * mediation's outcome, by the subject and kind the gateway's headers named. The clock stands at
 * Tuesday 2026-12-01 09:00 Shanghai time unless a test moves it.
 */
@QuarkusTest
class WhoDecidedApiTest {
    private static final String WED_14 = "2026-12-02T14:00:00+08:00";
    private static final String WED_16 = "2026-12-02T16:00:00+08:00";
    private static final String THU_14 = "2026-12-03T14:00:00+08:00";
    private static final String THU_16 = "2026-12-03T16:00:00+08:00";

    @Inject
    TestClock clock;

    String station;

    @BeforeEach
    void aStationOpenOnWeekdays() {
        clock.reset();
        station = Api.aStation();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_approved_and_a_rejected_request_name_who_decided_and_an_undecided_one_names_no_one() {
        String hall = aRoom(station, "{\"name\":\"多功能厅\",\"capacity\":80,\"requiresApproval\":true}");
        String approved = book(station, hall, WED_14, WED_16, 50).then().statusCode(201)
                .body("decidedBy", nullValue()).extract().path("id");
        String rejected = book(station, hall, THU_14, THU_16, 50).then().statusCode(201).extract().path("id");

        asManager().post(booking(station, approved) + "/approve").then().statusCode(200)
                .body("decidedBy.subject", equalTo(MANAGER))
                .body("decidedBy.kind", equalTo("PERSON"))
                .body("decidedAt", equalTo("2026-12-01T09:00:00+08:00"));
        asAdmin().contentType(ContentType.JSON).body("{\"reason\":\"场地检修\"}")
                .post(booking(station, rejected) + "/reject").then().statusCode(200)
                .body("decidedBy.subject", equalTo("admin-" + Api.DISTRICT));

        asManager().get(booking(station, approved)).then().statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("decidedBy.subject", equalTo(MANAGER));
        asManager().get(booking(station, rejected)).then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("decidedBy.subject", equalTo("admin-" + Api.DISTRICT))
                .body("decidedBy.kind", equalTo("PERSON"));
    }

    @Test
    void a_cancellation_is_not_a_decision_on_the_request() {
        String room = aRoom(station, 20);
        String id = book(station, room, WED_14, WED_16, 10).then().statusCode(201).extract().path("id");
        asManager().contentType(ContentType.JSON).body("{\"reason\":\"改期\"}")
                .post(booking(station, id) + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("decidedBy", nullValue());
    }

    @Test
    void a_mediations_outcome_names_who_recorded_it() {
        String siteBranch = UUID.randomUUID().toString();
        Projections.knownOrganization(siteBranch, null, Api.DISTRICT);
        String room = aRoom(station, "{\"name\":\"调解室\",\"capacity\":8}");
        String id = asManager().contentType(ContentType.JSON).body("""
                        {"start":"2026-12-02T14:00:00+08:00","end":"2026-12-02T16:00:00+08:00","site":"蓬莱路地块",
                         "bookerKind":"ORGANIZATION","bookerId":"%s","bookerName":"蓬莱路地块临时党支部",
                         "residentsSecretary":"小西门居民区书记","expropriationOfficer":"征收事务所经办人",
                         "lawyer":"法律援助律师","family":{"names":["陈家"]}}""".formatted(siteBranch))
                .post(STATIONS + "/" + station + "/rooms/" + room + "/mediations").then().statusCode(201)
                .body("outcomeRecordedBy", nullValue())
                .extract().path("booking.id");

        clock.set(OffsetDateTime.parse("2026-12-02T15:30:00+08:00").toInstant());
        asSecretaryOf(siteBranch).contentType(ContentType.JSON)
                .body("{\"outcome\":\"AGREED\",\"summary\":\"补偿方案达成一致\"}")
                .post(STATIONS + "/" + station + "/mediations/" + id + "/outcome").then().statusCode(200)
                .body("outcomeRecordedBy.subject", equalTo("secretary-" + siteBranch))
                .body("outcomeRecordedBy.kind", equalTo("PERSON"));
        asManager().get(STATIONS + "/" + station + "/mediations/" + id).then().statusCode(200)
                .body("outcomeRecordedBy.subject", equalTo("secretary-" + siteBranch));
    }
}
