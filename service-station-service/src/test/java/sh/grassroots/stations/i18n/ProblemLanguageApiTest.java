package sh.grassroots.stations.i18n;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.stations.support.TestClock;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static sh.grassroots.stations.support.Api.STATIONS;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.aStation;
import static sh.grassroots.stations.support.Api.asManager;
import static sh.grassroots.stations.support.Api.asSecretaryOf;
import static sh.grassroots.stations.support.Api.asSomeone;
import static sh.grassroots.stations.support.Api.bookingsOf;
import static sh.grassroots.stations.support.Api.branchBooking;

/** Problems are answered in the reader's language: zh-CN unless Accept-Language prefers English. */
@QuarkusTest
class ProblemLanguageApiTest {
    private static final String HAN = "(?s).*\\p{IsHan}.*";
    private static final String WED_14 = "2026-12-02T14:00:00+08:00";
    private static final String WED_16 = "2026-12-02T16:00:00+08:00";

    @Inject
    TestClock clock;
    String station;
    String room;

    @BeforeEach
    void aStationWithARoom() {
        clock.reset();
        station = aStation();
        room = aRoom(station, 20);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_phone_that_names_no_language_reads_chinese_titles_for_a_validation_error_a_refusal_and_a_conflict() {
        invalid(asManager().header("Accept-Language", "zh-CN")).statusCode(400)
                .header("Content-Language", "zh-CN")
                .body("type", equalTo("urn:grassroots:problem:validation"))
                .body("title", equalTo("请求无效"))
                .body("errors.message", everyItem(matchesPattern(HAN)));

        refused(asSomeone().header("Accept-Language", "zh-CN")).statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"))
                .body("title", equalTo("无权访问"))
                .body("detail", matchesPattern(HAN));

        conflict("zh-CN").statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:booking-slot-taken"))
                .body("title", equalTo("该时段已被预约"))
                .body("detail", matchesPattern(HAN));
    }

    @Test
    void a_phone_set_to_english_reads_english() {
        invalid(asManager().header("Accept-Language", "en")).statusCode(400)
                .header("Content-Language", "en")
                .body("title", equalTo("Invalid request"))
                .body("errors.message", everyItem(not(matchesPattern(HAN))));

        refused(asSomeone().header("Accept-Language", "en")).statusCode(403)
                .body("title", equalTo("Forbidden"))
                .body("detail", not(matchesPattern(HAN)));

        conflict("en").statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:booking-slot-taken"))
                .body("title", not(matchesPattern(HAN)))
                .body("detail", not(matchesPattern(HAN)));
    }

    private ValidatableResponse invalid(RequestSpecification as) {
        return as.contentType(ContentType.JSON).body("{\"capacity\":-1}").post(STATIONS + "/" + station + "/rooms").then();
    }

    private ValidatableResponse refused(RequestSpecification as) {
        return as.contentType(ContentType.JSON).body("{\"name\":\"会议室\",\"capacity\":10}")
                .post(STATIONS + "/" + station + "/rooms").then();
    }

    private ValidatableResponse conflict(String language) {
        String first = UUID.randomUUID().toString();
        asSecretaryOf(first).contentType(ContentType.JSON).body(branchBooking(first, WED_14, WED_16, 10))
                .post(bookingsOf(station, room)).then().statusCode(201);
        String second = UUID.randomUUID().toString();
        RequestSpecification as = asSecretaryOf(second);
        return (language == null ? as : as.header("Accept-Language", language)).contentType(ContentType.JSON)
                .body(branchBooking(second, WED_14, WED_16, 10)).post(bookingsOf(station, room)).then();
    }
}
