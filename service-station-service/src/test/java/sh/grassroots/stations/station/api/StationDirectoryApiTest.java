package sh.grassroots.stations.station.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.stations.support.TestClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.stations.support.Api.STATIONS;
import static sh.grassroots.stations.support.Api.asSomeone;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * The station directory a phone browses. The stations are the demo's: 哔哩哔哩's in 杨浦 (opens
 * 10:00), and 金融品巷 and 蓬莱路 in 黄浦; the clock stands at Tuesday 09:00 Shanghai time.
 */
@QuarkusTest
class StationDirectoryApiTest {
    private static final String DIRECTORY = STATIONS + "/directory";
    /** 五角场, 杨浦区: about a kilometre south of 哔哩哔哩's station. */
    private static final String HAN = "(?s).*\\p{IsHan}.*";
    private static final String IN_YANGPU = "latitude=31.2990&longitude=121.5140";

    @Inject
    TestClock clock;
    String bilibili;
    String bund;
    String penglai;
    String upService;
    String everyService;

    @BeforeEach
    void theDemoStations() {
        clock.reset();
        upService = "UP主创作交流-" + UUID.randomUUID().toString().substring(0, 8);
        everyService = "党群服务-" + UUID.randomUUID().toString().substring(0, 8);
        bilibili = station("哔哩哔哩党群服务站", "310110", 31.3045, 121.5140, List.of("党课", upService, everyService), "10:00", "22:00");
        bund = station("金融品巷·零距离党群服务站", "310101", 31.2331, 121.4936, List.of("党课", "阅读", everyService), "09:00", "21:00");
        penglai = station("蓬莱路地块旧改基地党群服务点", "310101", 31.2167, 121.4908, List.of("调解", everyService), "08:30", "20:30");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void near_me_in_yangpu_lists_the_bilibili_station_first_then_the_others_by_distance() {
        asSomeone().get(DIRECTORY + "?" + IN_YANGPU + "&limit=5").then().statusCode(200)
                .body("items[0].name", startsWith("哔哩哔哩党群服务站"))
                .body("items[0].distanceMeters", lessThan(1000));

        // the three of this test alone (other tests' stations stand between 黄浦's two)
        List<Map<String, Object>> items = asSomeone().get(DIRECTORY + "?" + IN_YANGPU + "&service=" + everyService + "&limit=100")
                .then().statusCode(200).extract().path("items");
        assertEquals(List.of(bilibili, bund, penglai), items.stream().map(i -> (String) i.get("id")).toList());
        long previous = -1;
        for (Map<String, Object> item : items) {
            long distance = ((Number) item.get("distanceMeters")).longValue();
            assertTrue(distance >= previous, "not nearest first: " + items);
            previous = distance;
        }
    }

    @Test
    void near_me_pages_by_keyset_without_repeating_or_skipping_a_station() {
        List<String> all = asSomeone().get(DIRECTORY + "?" + IN_YANGPU + "&limit=100").then().statusCode(200)
                .extract().path("items.id");
        List<String> paged = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 200; page++) {
            var response = asSomeone().get(DIRECTORY + "?" + IN_YANGPU + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).then().statusCode(200).extract();
            paged.addAll(response.path("items.id"));
            cursor = response.path("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        Set<String> distinct = new HashSet<>(paged);
        assertEquals(paged.size(), distinct.size(), "a station came twice");
        assertTrue(paged.containsAll(List.of(bilibili, bund, penglai)));
        assertEquals(all.subList(0, Math.min(all.size(), 100)), paged.subList(0, Math.min(all.size(), 100)));
    }

    @Test
    void stations_at_the_same_spot_page_in_id_order_across_page_ends() {
        // five stations at one spot in 崇明 (a spot of this run only): a page of two ends inside
        // the tie each time, and the next page must go on with the next id, nearest first or not
        String tag = "同址-" + UUID.randomUUID().toString().substring(0, 8);
        double latitude = 31.6 + Math.floorMod(tag.hashCode(), 1000) / 100000.0;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(station("同一地址党群服务点", "310151", latitude, 121.40, List.of(tag), "08:00", "20:00"));
        }
        ids.sort(null);
        String nearby = "latitude=" + latitude + "&longitude=121.4001";
        List<String> paged = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            var response = asSomeone().get(DIRECTORY + "?" + nearby + "&service=" + tag + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).then().statusCode(200).extract();
            paged.addAll(response.path("items.id"));
            cursor = response.path("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        assertEquals(ids, paged);
    }

    @Test
    void filters_by_district_and_service_and_open_now() {
        asSomeone().get(DIRECTORY + "?district=310110&service=" + upService).then().statusCode(200)
                .body("items.id", equalTo(List.of(bilibili)))
                .body("items[0].openNow", equalTo(false))
                .body("items[0].distanceMeters", equalTo(null));

        asSomeone().get(DIRECTORY + "?service=" + upService + "&openNow=true").then().statusCode(200)
                .body("items.id", not(hasItem(bilibili)));
        clock.advance(Duration.ofMinutes(90));
        asSomeone().get(DIRECTORY + "?service=" + upService + "&openNow=true").then().statusCode(200)
                .body("items.id", equalTo(List.of(bilibili)))
                .body("items[0].openNow", equalTo(true));
    }

    @Test
    void a_station_closed_for_the_day_is_not_open_now() {
        clock.advance(Duration.ofMinutes(90));
        AsCaller.districtAdmin("310110").contentType(ContentType.JSON)
                .body("{\"start\":\"2026-12-01T08:00:00+08:00\",\"end\":\"2026-12-01T23:00:00+08:00\",\"reason\":\"设备检修\"}")
                .post(STATIONS + "/" + bilibili + "/closures").then().statusCode(201);
        asSomeone().get(DIRECTORY + "?service=" + upService + "&openNow=true").then().statusCode(200)
                .body("items", equalTo(List.of()));
    }

    @Test
    void a_half_given_location_or_a_foreign_cursor_is_a_400() {
        asSomeone().get(DIRECTORY + "?latitude=31.3").then().statusCode(400)
                .body("type", equalTo("urn:grassroots:problem:validation"))
                .body("errors.field", hasItem("longitude"));
        String byName = asSomeone().get(DIRECTORY + "?limit=1").then().statusCode(200).extract().path("nextCursor");
        asSomeone().get(DIRECTORY + "?" + IN_YANGPU + "&cursor=" + byName).then().statusCode(400)
                .body("type", equalTo("urn:grassroots:problem:invalid-cursor"));
        asSomeone().get(DIRECTORY + "?latitude=91&longitude=121").then().statusCode(400);
    }

    @Test
    void a_phone_in_chinese_reads_why_its_search_was_refused_in_chinese() {
        asSomeone().header("Accept-Language", "zh-CN").get(DIRECTORY + "?latitude=31.3").then().statusCode(400)
                .header("Content-Language", "zh-CN")
                .body("type", equalTo("urn:grassroots:problem:validation"))
                .body("title", equalTo("请求无效"))
                .body("detail", equalTo("“附近”需要同时提供纬度和经度"))
                .body("errors.message", everyItem(matchesPattern(HAN)));
        asSomeone().header("Accept-Language", "zh-CN").get(DIRECTORY + "?latitude=91&longitude=121&district=杨浦")
                .then().statusCode(400)
                .body("title", equalTo("请求无效"))
                .body("errors.field", hasItem("latitude")).body("errors.field", hasItem("district"))
                .body("errors.message", everyItem(matchesPattern(HAN)));
    }

    private static String station(String name, String district, double latitude, double longitude,
                                  List<String> services, String opens, String closes) {
        StringBuilder hours = new StringBuilder();
        for (String day : new String[]{"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"}) {
            hours.append(hours.length() > 0 ? "," : "").append("{\"weekday\":\"").append(day)
                    .append("\",\"opens\":\"").append(opens).append("\",\"closes\":\"").append(closes).append("\"}");
        }
        String servicesJson = "[\"" + String.join("\",\"", services) + "\"]";
        return AsCaller.districtAdmin(district).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + " " + UUID.randomUUID().toString().substring(0, 8) + "\",\"districtCode\":\""
                        + district + "\",\"address\":\"上海市\",\"latitude\":" + latitude + ",\"longitude\":" + longitude
                        + ",\"services\":" + servicesJson + ",\"openingHours\":[" + hours + "]}")
                .post(STATIONS).then().statusCode(201).extract().path("id");
    }
}
