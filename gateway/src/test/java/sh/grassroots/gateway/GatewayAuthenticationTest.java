package sh.grassroots.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(TestKeys.class)
class GatewayAuthenticationTest {
    private static final String ROUTE = "/api/v1/orgs/organizations";

    static { io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails(); }

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
    void a_district_service_identity_is_403_on_a_people_route() {
        rejected(TestKeys.huangpuService(), 403);
    }

    @Test
    void a_district_service_identity_reaches_the_inter_district_routes_as_that_district() {
        given().header("Authorization", "Bearer " + TestKeys.huangpuService())
                .header(sh.grassroots.platform.access.CallerHeaders.DISTRICT, "310110")
                .get("/inter-district/v1/transfers/123").then().statusCode(200)
                .body("uri", equalTo("/inter-district/v1/transfers/123"))
                .body("headers.x-caller-kind", equalTo("SERVICE"))
                .body("headers.x-caller-district", equalTo("310101"))
                .body("headers.x-caller-subject", equalTo("huangpu-org-system"));
    }

    @Test
    void a_district_that_signs_with_es256_is_verified_with_its_ec_key() {
        given().header("Authorization", "Bearer " + TestKeys.chongmingService())
                .get("/inter-district/v1/transfers").then().statusCode(200)
                .body("headers.x-caller-district", equalTo("310151"));
    }

    @Test
    void a_person_cannot_become_a_service_by_claiming_it() {
        String token = TestKeys.sign(TestKeys.person("m1").claim("caller_kind", "service").groups(java.util.Set.of("member", "service")));
        given().header("Authorization", "Bearer " + token).get(ROUTE).then().statusCode(200)
                .body("headers.x-caller-kind", equalTo("PERSON"))
                .body("headers.x-caller-roles", equalTo("member"));
    }

    @Test
    void a_token_signed_with_a_districts_key_but_naming_the_people_issuer_is_401() {
        rejected(TestKeys.person("m1").jws().keyId("huangpu").sign(TestKeys.huangpu.getPrivate()), 401);
    }

    @Test
    void a_token_with_a_forged_kid_is_401() {
        rejected(TestKeys.person("m1").jws().keyId("test").sign(TestKeys.untrusted.getPrivate()), 401);
        rejected(TestKeys.person("m1").jws().keyId("../../etc/passwd").sign(TestKeys.untrusted.getPrivate()), 401);
    }

    @Test
    void a_token_that_points_at_its_own_key_is_401() {
        rejected(TestKeys.person("m1").jws().header("jku", "https://evil.example/jwks.json").keyId("test")
                .sign(TestKeys.trusted.getPrivate()), 401);
    }

    @Test
    void a_token_of_another_type_is_401_and_an_access_token_type_is_accepted() {
        rejected(TestKeys.person("m1").jws().header("typ", "secevent+jwt").sign(TestKeys.trusted.getPrivate()), 401);
        given().header("Authorization", "Bearer " + TestKeys.person("m1").jws().header("typ", "at+jwt")
                .sign(TestKeys.trusted.getPrivate())).get(ROUTE).then().statusCode(200);
    }

    @Test
    void garbage_instead_of_a_token_is_401() {
        rejected("not.a.jwt", 401);
        rejected("abc", 401);
    }

    @Test
    void a_failure_nobody_expected_is_a_500_problem_with_the_request_id_not_a_page() {
        given().header("X-Request-Id", "phone-42").get(FailingRoute.PATH).then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:internal"))
                .body("detail", org.hamcrest.Matchers.containsString("phone-42"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("IllegalStateException")));
        given().header("Accept-Language", "en").get(FailingRoute.REFUSING_PATH).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:http-413"))
                .body("title", equalTo("Request Entity Too Large"));
        given().get(FailingRoute.REFUSING_PATH).then().statusCode(413).body("title", equalTo("请求体过大"));
    }

    @Test
    void the_service_learns_who_called_the_gateway_and_how() {
        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("m1")))
                .header("Host", "api.grassroots.sh").get(ROUTE).then().statusCode(200)
                .body("headers.x-forwarded-host", equalTo("api.grassroots.sh"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"));
    }

    @Test
    void the_service_is_called_in_the_gateways_trace_which_continues_the_callers() {
        String token = TestKeys.sign(TestKeys.person("m1"));
        String traceparent = "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";
        given().header("Authorization", "Bearer " + token).get(ROUTE).then().statusCode(200)
                .body("headers.traceparent", org.hamcrest.Matchers.matchesPattern(traceparent));
        String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        // the caller's trace id, under a span of the gateway's own
        given().header("Authorization", "Bearer " + token).header("traceparent", incoming).get(ROUTE).then()
                .body("headers.traceparent", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-"),
                        org.hamcrest.Matchers.not(equalTo(incoming))));
        String allZeroTraceId = "00-00000000000000000000000000000000-00f067aa0ba902b7-01";
        given().header("Authorization", "Bearer " + token).header("traceparent", allZeroTraceId).get(ROUTE).then()
                .body("headers.traceparent", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.matchesPattern(traceparent),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("-00000000000000000000000000000000-"))));
    }

    @Test
    void me_home_returns_the_parts_that_answer_and_marks_the_rest_unavailable() {
        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("member-9")))
                .get("/api/v1/me/home").then().statusCode(200)
                .contentType("application/json")
                .body("memberCard.uri", equalTo("/api/v1/orgs/members/member-9"))
                .body("memberCard.headers.x-caller-subject", equalTo("member-9"))
                .body("upcomingSessions.uri", equalTo("/api/v1/training/people/member-9/sessions"))
                .body("creditHours.uri", equalTo("/api/v1/training/people/member-9/credit-hours"))
                .body("transfers.uri", equalTo("/api/v1/orgs/transfers?memberId=member-9&limit=5"))
                .body("bookings", nullValue())
                .body("unavailable", org.hamcrest.Matchers.contains("bookings"));
    }

    @Test
    void a_retiring_route_carries_deprecation_and_sunset_headers() {
        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("m1")))
                .get("/api/v1/training/organizations").then().statusCode(200)
                .header("Deprecation", "@1767225600")
                .header("Sunset", "Wed, 30 Jun 2027 00:00:00 GMT")
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"deprecation\""));
        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("m1")))
                .get(ROUTE).then().statusCode(200).header("Deprecation", nullValue());
    }

    @Test
    void a_body_over_the_limit_is_413_before_it_is_sent_on() {
        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("m1")))
                .contentType(ContentType.JSON).body("x".repeat(4096))
                .post(ROUTE).then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:body-too-large"));
    }

    @Test
    void etag_and_if_none_match_pass_through_both_ways() {
        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("m1")))
                .header("If-None-Match", "\"v7\"")
                .get(ROUTE).then().statusCode(200).body("headers.if-none-match", equalTo("\"v7\""));
    }

    @Test
    void a_not_modified_answer_passes_back_with_its_etag_and_no_body() {
        var answer = given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("m1")))
                .header("If-None-Match", "\"current\"")
                .get(ROUTE).then().statusCode(304)
                .header("ETag", "\"current\"")
                .header("Transfer-Encoding", nullValue())
                .extract();
        org.junit.jupiter.api.Assertions.assertEquals("", answer.body().asString());
    }

    @Test
    void the_merged_openapi_document_is_public_and_names_services_that_did_not_answer() {
        given().get("/api/v1/openapi.json").then().statusCode(200)
                .body("openapi", equalTo("3.1.0"))
                .body("x-unavailable", org.hamcrest.Matchers.hasItem("stations"));
    }

    @Test
    void a_member_may_not_restructure_the_tree_but_may_read_it() {
        String member = "Bearer " + TestKeys.sign(TestKeys.person("m1"));
        given().header("Authorization", member).contentType(ContentType.JSON).body("{}")
                .post(ROUTE + "/123/move").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:forbidden-role"));
        given().header("Authorization", member).get(ROUTE + "/123").then().statusCode(200);
    }

    @Test
    void me_home_needs_a_token() {
        rejectedAt("/api/v1/me/home", 401);
    }

    private static void rejectedAt(String path, int status) {
        given().get(path).then().statusCode(status).contentType("application/problem+json");
    }

    @Test
    void cors_preflight_from_the_app_origin_is_answered() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .options(ROUTE).then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
    }

    @Test
    void a_person_is_403_on_an_inter_district_route() {
        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("m1")))
                .get("/inter-district/v1/transfers").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void a_valid_token_reaches_the_service_with_the_callers_identity_and_a_request_id() {
        String token = TestKeys.sign(TestKeys.person("member-42").groups(java.util.Set.of("organizer"))
                .claim("org_scope", "org-7").claim("district", "310110"));
        given().header("Authorization", "Bearer " + token)
                .header(sh.grassroots.platform.access.CallerHeaders.SUBJECT, "forged-admin")
                .contentType(ContentType.JSON).body("{\"hello\":\"世界\"}")
                .post(ROUTE + "?x=1")
                .then().statusCode(200)
                .header("X-Request-Id", notNullValue())
                .body("method", equalTo("POST"))
                .body("uri", equalTo(ROUTE + "?x=1"))
                .body("body", equalTo("{\"hello\":\"世界\"}"))
                .body("headers.x-caller-subject", equalTo("member-42"))
                .body("headers.x-caller-roles", equalTo("organizer"))
                .body("headers.x-caller-org-scope", equalTo("org-7"))
                .body("headers.x-caller-district", equalTo("310110"))
                .body("headers.x-request-id", notNullValue());
        List<String> ids = given().header("Authorization", "Bearer " + token).header("X-Request-Id", "phone-7")
                .get(ROUTE).then().statusCode(200).extract().headers().getValues("X-Request-Id");
        org.junit.jupiter.api.Assertions.assertEquals(List.of("phone-7"), ids, "one request id, not the gateway's and the service's");
    }

    @Test
    void the_bearer_token_stops_at_the_gateway_and_a_get_goes_on_without_a_body() {
        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("m1")))
                .get(ROUTE).then().statusCode(200)
                .body("headers.x-caller-subject", equalTo("m1"))
                .body("headers.authorization", nullValue())
                .body("headers.transfer-encoding", nullValue())
                .body("body", equalTo(""));
    }

    @Test
    void large_answers_are_streamed_whole_with_or_without_a_length() {
        String token = "Bearer " + TestKeys.sign(TestKeys.person("m1"));
        int size = 16 * 20_000; // well over what the gateway buffers
        String expected = "0123456789abcdef".repeat(size / 16);
        for (String chunked : List.of("false", "true")) {
            String body = given().header("Authorization", token)
                    .get(ROUTE + "?answerBytes=" + size + "&chunked=" + chunked).then().statusCode(200)
                    .extract().asString();
            org.junit.jupiter.api.Assertions.assertEquals(expected, body, "chunked=" + chunked);
        }
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

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metrics;

    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/live", management = true)
    java.net.URL liveness;

    @Test
    void forwarded_requests_are_counted_and_timed_per_route_and_status() {
        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("metered")))
                .get(ROUTE).then().statusCode(200);
        given().get(metrics).then().statusCode(200)
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*gateway_upstream_requests_seconds_count\\{method=\"GET\","
                        + "route=\"/api/v1/orgs\",status=\"200\",upstream=\"org\"} [1-9].*"))
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*gateway_upstream_requests_seconds_bucket\\{method=\"GET\","
                        + "route=\"/api/v1/orgs\",status=\"200\",upstream=\"org\",le=\"[0-9.]+\"} [1-9].*"));
    }

    @Test
    void health_and_metrics_are_on_the_management_port_and_need_no_token() {
        org.junit.jupiter.api.Assertions.assertTrue(metrics.toString().endsWith("/q/metrics"), metrics.toString());
        org.junit.jupiter.api.Assertions.assertNotEquals(io.restassured.RestAssured.port, metrics.getPort());
        given().get(liveness).then().statusCode(200).body("status", equalTo("UP"));
        given().get(metrics).then().statusCode(200);
    }

    @Test
    void health_and_metrics_are_not_on_the_public_port() {
        given().get("/q/health/live").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void the_gateways_own_openapi_document_stays_on_the_public_port() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo("gateway"));
    }
}
