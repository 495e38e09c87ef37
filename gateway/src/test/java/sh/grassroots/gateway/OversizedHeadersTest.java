package sh.grassroots.gateway;

import sh.grassroots.platform.testing.RawExchange;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bearer token of 64 kB (found by fuzzing: it got a bare 431 with no body from the HTTP codec)
 * is answered 431 problem+json by the gateway, and nothing reaches a service.
 */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
class OversizedHeadersTest {

    @Test
    void a_64_kilobyte_bearer_token_is_answered_431_problem_json_and_not_forwarded() {
        int seen = TestKeys.received().size();
        RawExchange.Answer answer = RawExchange.sendLine(RestAssured.port, "GET", "/api/v1/training/courses", "x".repeat(64 * 1024));

        assertEquals(431, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals("request-headers-too-large", answer.slug(), answer.body());
        assertEquals(List.of(), TestKeys.received().subList(seen, TestKeys.received().size()));
    }

    @Test
    void an_ordinary_token_still_gets_past_the_header_limit() {
        RawExchange.Answer answer = RawExchange.sendLine(RestAssured.port, "GET", "/api/v1/training/courses",
                TestKeys.sign(TestKeys.person("member-1")));
        assertEquals(false, answer.status() == 431, answer.body());
    }
}
