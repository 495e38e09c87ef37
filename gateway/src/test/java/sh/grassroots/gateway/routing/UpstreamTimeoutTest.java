package sh.grassroots.gateway.routing;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import sh.grassroots.gateway.TestKeys;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * A service that answers after the gateway stopped waiting: a read may simply be asked again, a
 * booking or an enrolment may already be made, and the caller must be told which.
 */
@QuarkusTest
@TestProfile(UpstreamTimeoutTest.ShortWait.class)
class UpstreamTimeoutTest {

    public static class ShortWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.upstream.timeout-ms", "1000");
        }
    }

    @Test
    void a_create_the_service_answers_too_late_is_504_outcome_unknown_not_a_retry_invitation() {
        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("late-enroller")))
                .header("Accept-Language", "en")
                .contentType(ContentType.JSON).body("{}")
                .post("/api/v1/training/sessions/s1/enrolments?delayMs=3000")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .header("Retry-After", nullValue())
                .body("type", equalTo("urn:grassroots:problem:upstream-outcome-unknown"))
                .body("detail", containsString("Idempotency-Key"));
    }

    @Test
    void the_same_in_chinese_when_the_phone_names_no_language() {
        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("late-enroller-zh")))
                .contentType(ContentType.JSON).body("{}")
                .post("/api/v1/training/sessions/s1/enrolments?delayMs=3000")
                .then().statusCode(504)
                .body("title", equalTo("网关等待超时"));
    }

    @Test
    void a_read_the_service_answers_too_late_is_503_and_may_be_asked_again() {
        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("late-reader")))
                .get("/api/v1/orgs/slow?delayMs=3000")
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:grassroots:problem:upstream-unavailable"));
    }
}
