package sh.grassroots.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@TestProfile(GatewayLimitsTest.SmallLimits.class)
class GatewayLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.requests-per-minute", "5",
                    "gateway.rate-limit.creates-per-minute", "2",
                    "gateway.breaker.failure-threshold", "2",
                    "gateway.breaker.open-seconds", "120");
        }
    }

    @Test
    void a_caller_over_the_limit_gets_429_with_retry_after_and_others_are_not_affected() {
        String greedy = "Bearer " + TestKeys.sign(TestKeys.person("greedy"));
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", greedy).get("/api/v1/orgs/organizations").then().statusCode(200);
        }
        given().header("Authorization", greedy).get("/api/v1/orgs/organizations").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:grassroots:problem:rate-limited"));
        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("patient")))
                .get("/api/v1/orgs/organizations").then().statusCode(200);
    }

    @Test
    void enrolment_creation_has_a_stricter_limit() {
        String eager = "Bearer " + TestKeys.sign(TestKeys.person("eager"));
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", eager).contentType(ContentType.JSON).body("{}")
                    .post("/api/v1/training/sessions/s1/enrolments").then().statusCode(200);
        }
        given().header("Authorization", eager).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/training/sessions/s1/enrolments").then().statusCode(429)
                .contentType("application/problem+json");
        // reading is still within the general limit
        given().header("Authorization", eager).get("/api/v1/training/sessions/s1").then().statusCode(200);
    }

    @Test
    void after_repeated_failures_the_breaker_answers_at_once_until_its_open_period_ends() {
        // Each caller stays under the rate limit; the breaker is per upstream, whoever calls.
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("caller-" + i)))
                    .get("/api/v1/stations/rooms").then().statusCode(503).header("Retry-After", "5");
        }
        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("caller-x")))
                .get("/api/v1/stations/rooms").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:upstream-unavailable"))
                .header("Retry-After", org.hamcrest.Matchers.anyOf(equalTo("120"), equalTo("119")));
        // the other upstreams are not affected
        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("caller-y")))
                .get("/api/v1/orgs/organizations").then().statusCode(200);
    }
}
