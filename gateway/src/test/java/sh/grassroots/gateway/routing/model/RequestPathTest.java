package sh.grassroots.gateway.routing.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class RequestPathTest {

    private static void normal(String path) {
        assertEquals(new RequestPath.Normal(path), RequestPath.check(path), path);
    }

    private static void means(String path, String normalForm) {
        assertEquals(new RequestPath.NotNormal(normalForm), RequestPath.check(path), path);
    }

    private static void refused(String path) {
        assertInstanceOf(RequestPath.NotAllowed.class, RequestPath.check(path), path);
    }

    @Test
    void the_paths_of_this_api_are_in_normal_form() {
        normal("/api/v1/training/courses");
        normal("/api/v1/training/sessions/6f1c7c1e-2b7a-4d8e-9f00-1a2b3c4d5e6f/check-in-code");
        normal("/api/v1/training/people/p1/sessions.ics");
        normal("/api/v1/stations/s1/managers/zhang%40example.cn");
        normal("/api/v1/stations/s1/managers/zhang@example.cn");
        normal("/api/v1/orgs/organizations/%E5%93%94");
        normal("/");
    }

    @Test
    void empty_and_dot_segments_collapse_into_the_normal_form() {
        means("/api/v1/training//courses", "/api/v1/training/courses");
        means("//api/v1/training/courses", "/api/v1/training/courses");
        means("/api/v1/training/./courses", "/api/v1/training/courses");
        means("/api/v1/orgs/../training/courses", "/api/v1/training/courses");
        means("/api/v1/training/courses/", "/api/v1/training/courses");
        means("/../../api/v1/training/courses", "/api/v1/training/courses");
        means("/api/v1/training/courses/..", "/api/v1/training");
    }

    @Test
    void encoded_unreserved_characters_are_decoded_before_dot_segments_are_removed() {
        means("/api/v1/training/%63ourses", "/api/v1/training/courses");
        means("/api/v1/orgs/%2e%2e/training/courses", "/api/v1/training/courses");
        means("/api/v1/orgs/.%2E/training/courses", "/api/v1/training/courses");
        means("/api/v1/training/%7Ex", "/api/v1/training/~x");
    }

    @Test
    void percent_encoding_is_written_in_upper_case() {
        means("/api/v1/orgs/organizations/%e5%93%94", "/api/v1/orgs/organizations/%E5%93%94");
        means("/api/v1/stations/s1/managers/a%2bb", "/api/v1/stations/s1/managers/a%2Bb");
    }

    @Test
    void encoded_structure_and_characters_no_path_here_uses_are_refused() {
        for (String path : new String[] {"/api/v1/training%2Fcourses", "/api/v1/training%2fcourses",
                "/api/v1/training%5Ccourses", "/api/v1/training/courses%00", "/api/v1/training/courses%3Fx=1",
                "/api/v1/training/courses%23x", "/api/v1/training/%252e%252e/courses", "/api/v1/training/courses%3Bx",
                "/api/v1/training/courses%20", "/api/v1/training/courses%0A", "/api/v1/training/courses%", "/api/v1/x%4",
                "/api/v1/x%zz"}) {
            refused(path);
        }
    }

    @Test
    void raw_characters_no_path_here_uses_are_refused() {
        for (String path : new String[] {"/api/v1/training\\courses", "/api/v1/training/courses;x=1", "/api/v1/training/courses#x",
                "/api/v1/training/courses?x", "/api/v1/training/cou rses", "/api/v1/training/\u54d4", "/api/v1/x\"y",
                "/api/v1/x<y", "/api/v1/x|y", "/api/v1/x\u0000", "api/v1/training/courses", "*", ""}) {
            refused(path);
        }
    }

    @Test
    void a_refusal_outweighs_a_normal_form() {
        refused("/api/v1//training%2Fcourses");
        refused("/api/v1/%63ourses;x");
    }

    @Test
    void the_refusal_says_what_was_wrong() {
        assertEquals(new RequestPath.NotAllowed("an encoded slash is not accepted in a path"),
                RequestPath.check("/a%2Fb"));
        assertEquals(new RequestPath.NotAllowed("semicolon (matrix parameter) is not accepted in a path"),
                RequestPath.check("/a;b"));
        assertEquals(new RequestPath.NotAllowed("an encoded control character 0x00 is not accepted in a path"),
                RequestPath.check("/a%00"));
    }
}
