package sh.grassroots.gateway.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import sh.grassroots.gateway.TestKeys;
import sh.grassroots.platform.access.CallerHeaders;

import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A phone calendar fetches its feed with no token at all, and the gateway passes it to training
 * as a request without a caller, whatever caller headers or token the client put on it; the
 * subscriptions themselves are an ordinary signed-in route. (The upstream here echoes what it got.)
 */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
class CalendarFeedRouteTest {
    static final String FEED = "/calendar/Q2FsZW5kYXJGZWVkVG9rZW5Gb3JUaGVHYXRld2F5VGVzdA.ics";

    @Test
    void a_feed_is_fetched_without_a_token_and_reaches_the_service_without_any_caller() {
        Response echoed = given().header(CallerHeaders.SUBJECT, "admin-310110").header(CallerHeaders.ROLES, "district_admin")
                .header("Authorization", "Bearer made-up").get(FEED);
        echoed.then().statusCode(200).header("X-Request-Id", not(nullValue()))
                .body("method", equalTo("GET")).body("uri", equalTo(FEED));
        Map<String, String> headers = echoed.path("headers");
        assertTrue(headers.keySet().stream().noneMatch(h -> h.startsWith(CallerHeaders.PREFIX.toLowerCase(Locale.ROOT))), headers.toString());
        assertTrue(!headers.containsKey("authorization"), headers.toString());
        assertEquals(echoed.header("X-Request-Id"), headers.get("x-request-id"));
    }

    @Test
    void only_reads_are_public_on_the_feed_path() {
        given().post(FEED).then().statusCode(org.hamcrest.Matchers.oneOf(404, 405));
        given().delete(FEED).then().statusCode(org.hamcrest.Matchers.oneOf(404, 405));
    }

    @Test
    void the_subscriptions_are_for_a_signed_in_caller_and_reach_training_with_the_caller() {
        given().get("/api/v1/me/calendar-subscriptions").then().statusCode(401)
                .body("type", equalTo("urn:grassroots:problem:unauthenticated"));
        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("member-7")))
                .get("/api/v1/me/calendar-subscriptions").then().statusCode(200)
                .body("uri", equalTo("/api/v1/me/calendar-subscriptions"))
                .body("headers.x-caller-subject", equalTo("member-7"));
    }
}
