package sh.grassroots.stations.station.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.stations.support.Api;
import sh.grassroots.stations.support.Projections;
import sh.grassroots.stations.support.TestClock;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static sh.grassroots.stations.support.Api.STATIONS;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.aStation;
import static sh.grassroots.stations.support.Api.asManager;
import static sh.grassroots.stations.support.Api.book;

/**
 * What the desk console lists through the API: the stations one runs, a station's rooms, a week
 * of bookings at once, the requests waiting for a decision and the mediation sessions.
 */
@QuarkusTest
class DeskListsTest {
    @Inject
    TestClock clock;

    @BeforeEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_manager_lists_the_stations_they_run_and_nobody_else_sees_them_as_theirs() {
        String station = aStation();
        String elsewhere = AsCaller.districtAdmin("310110").contentType(ContentType.JSON).body("""
                        {"name":"哔哩哔哩党群服务站 %s","districtCode":"310110","address":"政立路","managers":["manager-bilibili"],
                         "openingHours":[{"weekday":"MONDAY","opens":"09:00","closes":"21:00"}]}""".formatted(UUID.randomUUID()))
                .post(STATIONS).then().statusCode(201).extract().path("id");

        asManager().get(STATIONS).then().statusCode(200)
                .body("id", hasItem(station)).body("id", not(hasItem(elsewhere)));
        Api.asAdmin().get(STATIONS).then().statusCode(200)
                .body("id", hasItem(station)).body("id", not(hasItem(elsewhere)));
        AsCaller.stationManager("manager-bilibili", "310110").get(STATIONS).then().statusCode(200)
                .body("id", hasItem(elsewhere)).body("id", not(hasItem(station)));
        // a station_manager role alone, without being named anywhere, runs nothing
        AsCaller.stationManager("manager-of-nothing-" + UUID.randomUUID(), "310101").get(STATIONS).then()
                .statusCode(200).body("$", empty());
        Api.asSomeone().get(STATIONS).then().statusCode(200).body("$", empty());
    }

    @Test
    void anyone_lists_a_stations_rooms_by_name() {
        String station = aStation();
        aRoom(station, "{\"name\":\"多功能厅\",\"capacity\":80}");
        aRoom(station, "{\"name\":\"党员活动室\",\"capacity\":20}");

        Api.asSomeone().get(STATIONS + "/" + station + "/rooms").then().statusCode(200)
                .body("name", contains("党员活动室", "多功能厅"));
    }

    @Test
    void a_week_of_bookings_comes_in_one_list_and_only_requests_wait_for_approval() {
        String station = aStation();
        String room = aRoom(station, 20);
        String hall = aRoom(station, "{\"name\":\"多功能厅\",\"capacity\":80,\"requiresApproval\":true}");
        String wednesday = book(station, room, "2026-12-02T10:00:00+08:00", "2026-12-02T11:00:00+08:00", 5)
                .then().statusCode(201).extract().path("id");
        String friday = book(station, hall, "2026-12-04T10:00:00+08:00", "2026-12-04T11:00:00+08:00", 30)
                .then().statusCode(201).body("status", equalTo("REQUESTED")).extract().path("id");
        String nextWeek = book(station, hall, "2026-12-09T10:00:00+08:00", "2026-12-09T11:00:00+08:00", 30)
                .then().statusCode(201).extract().path("id");

        asManager().queryParam("date", "2026-11-30").queryParam("days", 7).get(STATIONS + "/" + station + "/bookings")
                .then().statusCode(200).body("id", containsInAnyOrder(wednesday, friday));
        asManager().queryParam("date", "2026-11-30").queryParam("days", 8).get(STATIONS + "/" + station + "/bookings")
                .then().statusCode(400);
        asManager().get(STATIONS + "/" + station + "/bookings/pending").then().statusCode(200)
                .body("id", contains(friday, nextWeek)).body("status", everyItem(equalTo("REQUESTED")));
    }

    @Test
    void the_mediation_list_shows_the_stations_sessions_with_the_family_masked() {
        String site = UUID.randomUUID().toString();
        Projections.knownOrganization(site, null, Api.DISTRICT);
        String station = aStation();
        String room = aRoom(station, "{\"name\":\"调解室\",\"capacity\":8}");
        String mediation = asManager().contentType(ContentType.JSON).body("""
                        {"start":"2026-12-02T14:00:00+08:00","end":"2026-12-02T16:00:00+08:00","site":"蓬莱路地块",
                         "bookerKind":"ORGANIZATION","bookerId":"%s","bookerName":"蓬莱路地块临时党支部",
                         "residentsSecretary":"小西门居民区书记","expropriationOfficer":"经办人","lawyer":"律师",
                         "family":{"names":["陈先生"],"phone":"13812345678"}}""".formatted(site))
                .post(STATIONS + "/" + station + "/rooms/" + room + "/mediations").then().statusCode(201)
                .extract().path("booking.id");
        book(station, room, "2026-12-03T10:00:00+08:00", "2026-12-03T11:00:00+08:00", 5).then().statusCode(201);

        asManager().get(STATIONS + "/" + station + "/mediations").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].booking.id", equalTo(mediation)).body("[0].site", equalTo("蓬莱路地块"))
                .body("[0].family.names", equalTo(List.of("陈**"))).body("[0].family.phone", equalTo("138****5678"));
        asManager().queryParam("from", "2026-12-03").get(STATIONS + "/" + station + "/mediations").then()
                .statusCode(200).body("$", empty());
    }
}
