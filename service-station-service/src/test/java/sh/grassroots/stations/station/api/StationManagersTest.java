package sh.grassroots.stations.station.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.stations.support.TestClock;

import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static sh.grassroots.stations.support.Api.MANAGER;
import static sh.grassroots.stations.support.Api.STATIONS;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.aStation;
import static sh.grassroots.stations.support.Api.asAdmin;
import static sh.grassroots.stations.support.Api.asManager;
import static sh.grassroots.stations.support.Api.asSomeone;
import static sh.grassroots.stations.support.Api.book;
import static sh.grassroots.stations.support.Api.booking;

/**
 * A station's managers are named by the admin of its district and act on their own stations only:
 * a station manager of 杨浦 cannot decide on a booking at a 黄浦 station.
 */
@QuarkusTest
class StationManagersTest {
    private static final String YANGPU = "310110";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestClock clock;

    String station;

    @BeforeEach
    void aHuangpuStation() {
        clock.reset();
        station = aStation();
    }

    private static String managers(String station) {
        return STATIONS + "/" + station + "/managers";
    }

    private static String bilibiliStation() {
        return AsCaller.districtAdmin(YANGPU).contentType(ContentType.JSON).body("""
                        {"name":"哔哩哔哩党群服务站 %s","districtCode":"310110","address":"政立路","managers":["manager-bilibili"],
                         "openingHours":[{"weekday":"WEDNESDAY","opens":"09:00","closes":"21:00"}]}""".formatted(UUID.randomUUID()))
                .post(STATIONS).then().statusCode(201)
                .body("managers", contains("manager-bilibili"))
                .extract().path("id");
    }

    @Test
    void a_manager_of_one_districts_station_is_refused_at_anothers() {
        bilibiliStation();
        String hall = aRoom(station, "{\"name\":\"多功能厅\",\"capacity\":80,\"requiresApproval\":true}");
        String id = book(station, hall, "2026-12-02T14:00:00+08:00", "2026-12-02T16:00:00+08:00", 30)
                .then().statusCode(201).body("status", equalTo("REQUESTED")).extract().path("id");

        AsCaller.stationManager("manager-bilibili", YANGPU).post(booking(station, id) + "/approve").then()
                .statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        AsCaller.districtAdmin(YANGPU).post(booking(station, id) + "/approve").then()
                .statusCode(403).body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        asManager().get(booking(station, id)).then().body("status", equalTo("REQUESTED"));

        asManager().post(booking(station, id) + "/approve").then().statusCode(200).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void a_station_manager_named_nowhere_runs_no_station_whatever_their_role_says() {
        AsCaller.stationManager("manager-" + UUID.randomUUID(), "310101").contentType(ContentType.JSON)
                .body("{\"name\":\"会议室\",\"capacity\":8}").post(STATIONS + "/" + station + "/rooms")
                .then().statusCode(403).body("type", equalTo("urn:grassroots:problem:out-of-scope"));
    }

    @Test
    void the_district_admin_names_and_removes_managers_and_a_removed_manager_is_refused_at_once() {
        String deputy = "manager-deputy-" + UUID.randomUUID();
        asAdmin().put(managers(station) + "/" + deputy).then().statusCode(200)
                .body("managers", containsInAnyOrder(MANAGER, deputy));
        asAdmin().put(managers(station) + "/" + deputy).then().statusCode(200)
                .body("managers.size()", equalTo(2));
        AsCaller.stationManager(deputy, "310101").contentType(ContentType.JSON).body("{\"name\":\"阅览室\",\"capacity\":8}")
                .post(STATIONS + "/" + station + "/rooms").then().statusCode(201);
        AsCaller.stationManager(deputy, "310101").get(managers(station)).then().statusCode(200)
                .body("districtCode", equalTo("310101"));

        asAdmin().delete(managers(station) + "/" + deputy).then().statusCode(200)
                .body("managers", contains(MANAGER));
        AsCaller.stationManager(deputy, "310101").contentType(ContentType.JSON).body("{\"name\":\"阅览室\",\"capacity\":8}")
                .post(STATIONS + "/" + station + "/rooms").then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
    }

    @Test
    void managers_cannot_name_more_managers_and_another_districts_admin_cannot_either() {
        asManager().put(managers(station) + "/manager-friend").then().statusCode(403)
                .body("detail", containsString("310101"));
        AsCaller.districtAdmin(YANGPU).put(managers(station) + "/manager-friend").then().statusCode(403);
        asAdmin().get(managers(station)).then().body("managers", contains(MANAGER));
    }

    @Test
    void a_stations_managers_are_shown_to_those_who_run_it_and_to_nobody_else() {
        asManager().get(STATIONS + "/" + station).then().statusCode(200).body("managers", contains(MANAGER));
        asSomeone().get(STATIONS + "/" + station).then().statusCode(200).body("managers", nullValue())
                .body("name", containsString("零距离"));
    }

    @Test
    void a_station_is_set_up_by_the_admin_of_its_own_district_only() {
        AsCaller.districtAdmin(YANGPU).contentType(ContentType.JSON).body("""
                        {"name":"外滩党群服务站","districtCode":"310101","address":"中山东一路",
                         "openingHours":[{"weekday":"MONDAY","opens":"09:00","closes":"17:00"}]}""")
                .post(STATIONS).then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
    }

    @Test
    void the_old_free_text_manager_scope_is_no_longer_accepted() {
        asAdmin().contentType(ContentType.JSON).body("""
                        {"name":"外滩党群服务站","districtCode":"310101","address":"中山东一路","managerScope":"310101:外滩街道",
                         "openingHours":[{"weekday":"MONDAY","opens":"09:00","closes":"17:00"}]}""")
                .post(STATIONS).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.hasItem("managerScope"));
    }
}
