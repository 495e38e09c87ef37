package sh.grassroots.systemtests;

import sh.grassroots.platform.testing.RawExchange;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sh.grassroots.platform.access.CallerHeaders;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The path tricks of issue 13 against the four packaged services. Straight to training-service, its
 * router reads a doubled slash, a dot segment, an encoded letter and a matrix parameter as the
 * plain path: that is why the gateway may not decide on one spelling and forward another. Through
 * the gateway, a member's every spelling of "create a course" is refused before it reaches training.
 */
@ExtendWith(Suite.class)
class PathTricksEndToEndTest {
    private static final Map<String, String> DISTRICT_ADMIN = Map.of(CallerHeaders.SUBJECT, "admin-yangpu",
            CallerHeaders.KIND, "PERSON", CallerHeaders.ROLES, "district_admin", CallerHeaders.DISTRICT, "310110");

    private static RawExchange.Answer straightToTraining(String target) {
        return RawExchange.sendLine(Suite.get().service("training-service").port(), "GET " + target + " HTTP/1.1", null, DISTRICT_ADMIN);
    }

    private static RawExchange.Answer throughTheGateway(String method, String target, String token) {
        return RawExchange.sendLine(Suite.get().service("gateway").port(), method, target, token);
    }

    @Test
    void the_services_router_reads_every_spelling_as_the_plain_path() {
        assertEquals(200, straightToTraining("/api/v1/training/sessions?limit=1").status());
        for (String spelling : new String[] {"/api/v1/training//sessions?limit=1", "/api/v1/training/./sessions?limit=1",
                "/api/v1/training/x/../sessions?limit=1", "/api/v1/training/%73essions?limit=1",
                "/api/v1/training/sessions;v=1?limit=1"}) {
            RawExchange.Answer answer = straightToTraining(spelling);
            assertEquals(200, answer.status(), spelling + " -> " + answer.body());
        }
        // while its paths are case-sensitive: an upper-case spelling is another (unknown) path
        assertEquals(404, straightToTraining("/api/v1/training/SESSIONS?limit=1").status());
    }

    @Test
    void a_members_doubled_slash_and_every_other_spelling_of_create_a_course_is_refused_at_the_gateway() {
        String member = Suite.get().token("member-path-tricks", Set.of("member"));
        Map<String, String> tricks = Map.ofEntries(
                Map.entry("/api/v1/training//courses", "path-not-normalized"),
                Map.entry("/api/v1/training/./courses", "path-not-normalized"),
                Map.entry("/api/v1/orgs/../training/courses", "path-not-normalized"),
                Map.entry("/api/v1/orgs/%2e%2e/training/courses", "path-not-normalized"),
                Map.entry("/api/v1/training/%63ourses", "path-not-normalized"),
                Map.entry("/api/v1/training/courses/", "path-not-normalized"),
                Map.entry("/api/v1/training%2Fcourses", "path-not-allowed"),
                Map.entry("/api/v1/training%2fcourses", "path-not-allowed"),
                Map.entry("/api/v1/training/courses;x=1", "path-not-allowed"),
                Map.entry("/api/v1/training/courses%00", "path-not-allowed"),
                Map.entry("/api/v1/training/x%5C..%5Ccourses", "path-not-allowed"));
        tricks.forEach((target, slug) -> {
            RawExchange.Answer answer = throughTheGateway("POST", target, member);
            assertEquals(400, answer.status(), target + " -> " + answer.body());
            assertEquals("application/problem+json", answer.contentType(), target);
            assertEquals(slug, answer.slug(), target);
        });
        RawExchange.Answer upperCase = throughTheGateway("POST", "/api/v1/training/COURSES", member);
        assertEquals(403, upperCase.status(), upperCase.body());
        assertEquals("forbidden-role", upperCase.slug());
        // and the plain path is refused for the member's role
        RawExchange.Answer plain = throughTheGateway("POST", "/api/v1/training/courses", member);
        assertEquals(403, plain.status(), plain.body());
        assertEquals("forbidden-role", plain.slug());
    }

    @Test
    void a_member_cannot_read_a_sessions_check_in_code_through_the_gateway() {
        String member = Suite.get().token("member-check-in-code", Set.of("member"));
        RawExchange.Answer answer = throughTheGateway("GET", "/api/v1/training/sessions/" + java.util.UUID.randomUUID()
                + "/check-in-code", member);
        assertEquals(403, answer.status(), answer.body());
        assertEquals("forbidden-role", answer.slug());
    }

    @Test
    void a_request_straight_to_org_service_without_caller_headers_is_401() {
        RawExchange.Answer answer = RawExchange.sendLine(Suite.get().service("org-service").port(), "GET",
                "/api/v1/orgs/organizations/" + java.util.UUID.randomUUID(), (String) null);
        assertEquals(401, answer.status(), answer.body());
        assertEquals("unauthenticated", answer.slug());
    }
}
