package sh.grassroots.gateway;

import sh.grassroots.platform.testing.RawExchange;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way of writing one path as another, sent through the real gateway exactly as written (a
 * raw socket, no client library in between) in front of an upstream that records each request
 * line it receives. The gateway decides on the path it forwards: a path not in normal form is
 * refused (400) and nothing reaches a service; a path in normal form reaches it byte for byte.
 */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
class PathTricksTest {
    private String member;
    private String organizer;
    private int seen;

    @BeforeEach
    void tokens() {
        member = TestKeys.sign(TestKeys.person("member-1"));
        organizer = TestKeys.sign(TestKeys.person("organizer-1").groups(Set.of("organizer")).claim("org_scope", "org-1"));
        seen = TestKeys.received().size();
    }

    private RawExchange.Answer send(String method, String target, String token) {
        return RawExchange.sendLine(RestAssured.port, method, target, token);
    }

    private List<String> forwarded() {
        List<String> all = TestKeys.received();
        return all.subList(seen, all.size());
    }

    private void refusedAndNotForwarded(RawExchange.Answer answer, String slug) {
        assertEquals(400, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals(slug, answer.slug(), answer.body());
        assertEquals(List.of(), forwarded(), "nothing may reach a service");
    }

    private void notNormal(String method, String target, String normalForm) {
        RawExchange.Answer answer = send(method, target, member);
        refusedAndNotForwarded(answer, "path-not-normalized");
        assertTrue(new io.vertx.core.json.JsonObject(answer.body()).getString("detail").endsWith(normalForm), answer.body());
    }

    @Test
    void the_doubled_slash_that_let_a_member_create_a_course_is_refused_with_the_normal_form() {
        notNormal("POST", "/api/v1/training//courses", "/api/v1/training/courses");
        notNormal("POST", "//api/v1/training/courses", "/api/v1/training/courses");
    }

    @Test
    void a_dot_segment_is_refused() {
        notNormal("POST", "/api/v1/training/./courses", "/api/v1/training/courses");
    }

    @Test
    void a_dot_dot_segment_that_would_climb_into_another_service_is_refused() {
        notNormal("POST", "/api/v1/orgs/../training/courses", "/api/v1/training/courses");
        notNormal("GET", "/api/v1/training/sessions/s1/x/../check-in-code", "/api/v1/training/sessions/s1/check-in-code");
    }

    @Test
    void percent_encoded_dots_are_dots() {
        notNormal("POST", "/api/v1/orgs/%2e%2e/training/courses", "/api/v1/training/courses");
        notNormal("POST", "/api/v1/orgs/%2E%2E/training/courses", "/api/v1/training/courses");
        notNormal("POST", "/api/v1/training/%2e/courses", "/api/v1/training/courses");
    }

    @Test
    void a_percent_encoded_unreserved_character_is_refused_with_it_decoded() {
        notNormal("POST", "/api/v1/training/%63ourses", "/api/v1/training/courses");
        notNormal("GET", "/api/v1/training/sessions/s1/check-in%2Dcode", "/api/v1/training/sessions/s1/check-in-code");
    }

    @Test
    void a_trailing_slash_is_refused() {
        notNormal("POST", "/api/v1/training/courses/", "/api/v1/training/courses");
        notNormal("GET", "/api/v1/training/sessions/s1/check-in-code/", "/api/v1/training/sessions/s1/check-in-code");
    }

    @Test
    void an_encoded_slash_in_either_case_is_refused() {
        refusedAndNotForwarded(send("POST", "/api/v1/training%2Fcourses", member), "path-not-allowed");
        refusedAndNotForwarded(send("POST", "/api/v1/training%2fcourses", member), "path-not-allowed");
        refusedAndNotForwarded(send("GET", "/api/v1/training/sessions/s1%2Fcheck-in-code", member), "path-not-allowed");
    }

    @Test
    void a_backslash_raw_or_encoded_is_refused() {
        refusedAndNotForwarded(send("POST", "/api/v1/training/x%5C..%5Ccourses", member), "path-not-allowed");
        RawExchange.Answer raw = send("POST", "/api/v1/training\\courses", member);
        assertEquals(400, raw.status(), raw.body());
        assertEquals(List.of(), forwarded());
    }

    @Test
    void a_matrix_parameter_is_refused() {
        refusedAndNotForwarded(send("POST", "/api/v1/training/courses;x=1", member), "path-not-allowed");
        refusedAndNotForwarded(send("GET", "/api/v1/training/sessions/s1/check-in-code;v=2", member), "path-not-allowed");
        refusedAndNotForwarded(send("POST", "/api/v1/training/courses%3Bx=1", member), "path-not-allowed");
    }

    @Test
    void an_encoded_nul_question_mark_hash_or_percent_is_refused() {
        refusedAndNotForwarded(send("POST", "/api/v1/training/courses%00", member), "path-not-allowed");
        refusedAndNotForwarded(send("GET", "/api/v1/training/sessions/s1/check-in-code%3Fx=1", member), "path-not-allowed");
        refusedAndNotForwarded(send("GET", "/api/v1/training/sessions/s1/check-in-code%23x", member), "path-not-allowed");
        refusedAndNotForwarded(send("POST", "/api/v1/training/%252e%252e/courses", member), "path-not-allowed");
    }

    @Test
    void a_broken_percent_escape_is_refused_before_any_route() {
        // Quarkus answers it with a bare 400 before the gateway's routes run (as for a request line
        // it cannot parse): refused, and nothing forwarded, is what matters
        RawExchange.Answer answer = send("POST", "/api/v1/training/courses%zz", member);
        assertEquals(400, answer.status(), answer.body());
        assertEquals(List.of(), forwarded());
    }

    @Test
    void a_raw_hash_is_refused() {
        RawExchange.Answer answer = send("GET", "/api/v1/training/sessions/s1/check-in-code#x", member);
        assertEquals(400, answer.status(), answer.body());
        assertEquals(List.of(), forwarded());
    }

    @Test
    void an_upper_case_prefix_routes_nowhere() {
        RawExchange.Answer answer = send("POST", "/API/V1/TRAINING/COURSES", member);
        assertEquals(404, answer.status(), answer.body());
        assertEquals(List.of(), forwarded());
    }

    @Test
    void an_upper_case_path_under_a_prefix_meets_the_role_rules_all_the_same() {
        RawExchange.Answer answer = send("POST", "/api/v1/training/COURSES", member);
        assertEquals(403, answer.status(), answer.body());
        assertEquals("forbidden-role", answer.slug());
        assertEquals(List.of(), forwarded());
        answer = send("GET", "/api/v1/training/sessions/s1/CHECK-IN-CODE", member);
        assertEquals(403, answer.status(), answer.body());
        assertEquals(List.of(), forwarded());
    }

    @Test
    void lower_case_percent_encoding_is_refused_with_it_in_upper_case() {
        notNormal("GET", "/api/v1/orgs/organizations/%e5%93%94", "/api/v1/orgs/organizations/%E5%93%94");
    }

    @Test
    void a_path_in_normal_form_reaches_the_service_byte_for_byte() {
        assertEquals(200, send("POST", "/api/v1/training/courses", organizer).status());
        assertEquals(200, send("GET", "/api/v1/orgs/organizations/%E5%93%94%E5%93%A9", member).status());
        // a browser's encodeURIComponent encodes '@'; such a subject is data, not structure
        assertEquals(200, send("GET", "/api/v1/orgs/members/zhang%40example.cn", member).status());
        assertEquals(List.of("POST /api/v1/training/courses", "GET /api/v1/orgs/organizations/%E5%93%94%E5%93%A9",
                "GET /api/v1/orgs/members/zhang%40example.cn"), forwarded());
    }

    @Test
    void the_query_passes_as_sent_and_an_absolute_target_is_forwarded_in_origin_form() {
        assertEquals(200, send("GET", "/api/v1/orgs/organizations?parent=%2F..//x&limit=5", member).status());
        assertEquals(200, RawExchange.sendLine(RestAssured.port,
                "GET http://evil.example/api/v1/orgs/organizations?limit=1 HTTP/1.1", member).status());
        assertEquals(List.of("GET /api/v1/orgs/organizations?parent=%2F..//x&limit=5",
                "GET /api/v1/orgs/organizations?limit=1"), forwarded());
    }

    @Test
    void the_path_is_checked_before_the_token() {
        refusedAndNotForwarded(send("POST", "/api/v1/training//courses", null), "path-not-normalized");
    }

    @Test
    void the_gateways_own_routes_are_held_to_the_same_form() {
        refusedAndNotForwarded(send("GET", "/api/v1//me/home", member), "path-not-normalized");
        refusedAndNotForwarded(send("POST", "/dev//token", null), "path-not-normalized");
        refusedAndNotForwarded(send("GET", "/api/v1/me/home/", member), "path-not-normalized");
    }

    @Test
    void a_privileged_read_needs_the_role_and_the_organizer_gets_through() {
        RawExchange.Answer refused = send("GET", "/api/v1/training/sessions/s1/check-in-code", member);
        assertEquals(403, refused.status(), refused.body());
        assertEquals("forbidden-role", refused.slug());
        assertEquals(List.of(), forwarded());
        assertEquals(200, send("GET", "/api/v1/training/sessions/s1/check-in-code", organizer).status());
        assertEquals(List.of("GET /api/v1/training/sessions/s1/check-in-code"), forwarded());
    }
}
