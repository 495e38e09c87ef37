package sh.grassroots.platform.testing;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointsTest {

    @Test
    void a_resource_declares_its_methods_with_their_full_paths() {
        assertEquals(Set.of("GET /api/v1/things", "GET /api/v1/things/{id}", "POST /api/v1/things/{id}/cancel"),
                Endpoints.of(SomeResource.class));
    }

    @Test
    void paths_are_joined_with_single_slashes_and_parameter_patterns_dropped() {
        assertEquals("/api/v1/x/{id}/y", Endpoints.join("/api/v1/x/", "/{id: [0-9a-f-]+}/y"));
        assertEquals("/api/v1/x", Endpoints.join("/api/v1/x", ""));
    }

    @Test
    void a_matrix_without_an_entry_for_an_endpoint_fails_and_names_it() {
        AssertionError error = assertThrows(AssertionError.class, () -> Endpoints.assertCovered(
                Set.of("GET /a"), Set.of("GET /a", "POST /a/{id}/cancel")));
        assertTrue(error.getMessage().contains("POST /a/{id}/cancel"), error.getMessage());
    }

    @Test
    void a_stale_entry_fails_too() {
        AssertionError error = assertThrows(AssertionError.class, () -> Endpoints.assertCovered(
                Set.of("GET /a", "GET /gone"), Set.of("GET /a")));
        assertTrue(error.getMessage().contains("GET /gone"), error.getMessage());
    }

    @Test
    void a_complete_matrix_passes() {
        Endpoints.assertCovered(Set.of("GET /a"), Set.of("GET /a"));
    }
}
