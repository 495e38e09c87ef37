package sh.grassroots.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(GatewayLimitsTest.SmallLimits.class)
class GatewayLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.requests-per-minute", "5",
                    "gateway.rate-limit.creates-per-minute", "2",
                    "gateway.breaker.failure-threshold", "2",
                    "gateway.breaker.open-seconds", "120",
                    "gateway.bulkhead.max-in-flight", "2",
                    "gateway.bulkhead.max-waiting", "3",
                    "gateway.bulkhead.max-wait-ms", "4000");
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

    /** Sends {@code count} requests at once, each from a caller of its own; the answers' statuses. */
    private static List<Integer> atOnce(int count, String path) throws Exception {
        var pool = Executors.newFixedThreadPool(count);
        try {
            var start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String token = "Bearer " + TestKeys.sign(TestKeys.person("tapper-" + UUID.randomUUID()));
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().header("Authorization", token).get(path).then().extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_burst_beyond_the_requests_in_flight_waits_in_line_and_only_what_the_line_cannot_hold_is_refused()
            throws Exception {
        // two in flight, three in line: of eight taps at once on a slow service, five are answered
        // (the last after waiting for two answers before it), three refused at once with 503
        List<Integer> statuses = atOnce(8, "/api/v1/orgs/slow?delayMs=1500");
        assertEquals(5, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(s -> s == 503).count(), statuses.toString());
    }

    @Test
    void a_request_that_waited_its_whole_allowance_in_line_is_answered_503_busy() throws Exception {
        var holders = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                String token = "Bearer " + TestKeys.sign(TestKeys.person("holder-" + i));
                holders.submit(() -> given().header("Authorization", token).get("/api/v1/orgs/slow?delayMs=6000")
                        .then().statusCode(200));
            }
            Thread.sleep(500); // both permits taken
            given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("late")))
                    .get("/api/v1/orgs/organizations").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("urn:grassroots:problem:upstream-busy"));
        } finally {
            holders.shutdown();
            holders.awaitTermination(20, TimeUnit.SECONDS);
        }
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
