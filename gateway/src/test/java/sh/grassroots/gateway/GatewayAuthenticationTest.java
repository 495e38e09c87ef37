package sh.grassroots.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(TestKeys.class)
class GatewayAuthenticationTest {
    private static final String ROUTE = "/api/v1/orgs/organizations";

    private static void rejected(String token, int status) {
        var request = given();
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        request.get(ROUTE).then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", notNullValue());
    }

    @Test
    void no_token_is_401() {
        rejected(null, 401);
        given().get(ROUTE).then().header("WWW-Authenticate", "Bearer realm=\"grassroots\"");
    }

    @Test
    void a_non_bearer_authorization_is_401() {
        given().header("Authorization", "Basic YTpi").get(ROUTE).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void an_expired_token_is_401() {
        rejected(TestKeys.sign(TestKeys.person("m1").issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))), 401);
    }

    @Test
    void a_token_for_another_audience_is_401() {
        rejected(TestKeys.sign(TestKeys.person("m1").audience("someone-else")), 401);
    }

    @Test
    void a_token_from_another_issuer_is_401() {
        rejected(TestKeys.sign(TestKeys.person("m1").issuer("https://evil.example")), 401);
    }

    @Test
    void a_token_signed_by_an_untrusted_key_is_401() {
        rejected(TestKeys.person("m1").jws().keyId("test").sign(TestKeys.untrusted.getPrivate()), 401);
    }

    @Test
    void a_token_not_yet_valid_is_401() {
        rejected(TestKeys.sign(TestKeys.person("m1").claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond())), 401);
    }

    @Test
    void an_unsigned_alg_none_token_is_401() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + TestKeys.ISSUER + "\",\"aud\":\"" + TestKeys.AUDIENCE
                + "\",\"sub\":\"m1\",\"iat\":" + Instant.now().getEpochSecond()
                + ",\"exp\":" + Instant.now().plusSeconds(600).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        rejected(header + "." + claims + ".", 401);
    }

    @Test
    void a_service_identity_is_403_on_a_people_route() {
        rejected(TestKeys.sign(TestKeys.person("district-310101").claim("caller_kind", "service")), 403);
    }

    @Test
    void a_person_is_403_on_an_inter_district_route() {
        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("m1")))
                .get("/inter-district/v1/transfers").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void a_valid_token_reaches_the_service_with_the_callers_identity_and_a_request_id() {
        String token = TestKeys.sign(TestKeys.person("member-42").groups(java.util.Set.of("branch_secretary"))
                .claim("org_scope", "org-7").claim("district", "310110"));
        given().header("Authorization", "Bearer " + token)
                .header("X-Caller-Subject", "forged-admin")
                .contentType(ContentType.JSON).body("{\"hello\":\"世界\"}")
                .post(ROUTE + "?x=1")
                .then().statusCode(200)
                .header("X-Request-Id", notNullValue())
                .body("method", equalTo("POST"))
                .body("uri", equalTo(ROUTE + "?x=1"))
                .body("body", equalTo("{\"hello\":\"世界\"}"))
                .body("headers.x-caller-subject", equalTo("member-42"))
                .body("headers.x-caller-roles", equalTo("branch_secretary"))
                .body("headers.x-caller-org-scope", equalTo("org-7"))
                .body("headers.x-caller-district", equalTo("310110"))
                .body("headers.x-request-id", notNullValue());
    }

    @Test
    void a_service_that_is_down_answers_503_problem_with_retry_after() {
        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("m1")))
                .get("/api/v1/stations/rooms").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:grassroots:problem:upstream-unavailable"));
    }

    @Test
    void dev_tokens_are_off_outside_the_local_profile() {
        given().contentType(ContentType.JSON).body("{\"subject\":\"x\"}").post("/dev/token").then().statusCode(404)
                .contentType("application/problem+json")
                .body("token", nullValue());
    }

    @Test
    void health_and_metrics_need_no_token() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
