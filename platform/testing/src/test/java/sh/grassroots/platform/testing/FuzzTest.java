package sh.grassroots.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FuzzTest {
    private static final String URI = "http://localhost:8081/api/v1/stations/s-1/closures?date=2026-12-01";

    private static List<String> whats(String body) {
        return Fuzz.probes(new Fuzz.Captured("POST", URI, Map.of("X-Caller-Subject", "admin"), body)).stream()
                .map(Fuzz.Probe::what).toList();
    }

    @Test
    void every_leaf_of_the_body_is_changed_in_each_way_that_broke_a_service() {
        List<String> whats = whats("{\"start\":\"2026-12-01T09:00:00+08:00\",\"reason\":\"检修\",\"capacity\":20,"
                + "\"names\":[\"陈家\"],\"on\":\"2026-12-01\"}");
        for (String expected : List.of("body /start in the year 300000", "body /start in the year 9999",
                "body /reason with NUL", "body /reason 5000 characters long", "body /capacity = 2147483647",
                "body /capacity = 1e300", "body /names with a null inside", "body /names/0 with NUL",
                "body /on in the year 300000", "body /on in the year 1", "body /reason = null")) {
            assertTrue(whats.contains(expected), () -> expected + " missing from " + whats);
        }
    }

    @Test
    void the_query_each_path_segment_after_the_service_area_and_the_idempotency_key_get_a_nul() {
        List<String> whats = whats(null);
        assertEquals(List.of("query date=2026-12-01%00", "path segment s-1%00", "path segment closures%00",
                "Idempotency-Key with NUL"), whats);
    }

    @Test
    void a_changed_body_differs_from_the_original_in_the_one_place_named() throws Exception {
        ObjectMapper json = new ObjectMapper();
        var probe = Fuzz.probes(new Fuzz.Captured("POST", URI, Map.of(), "{\"a\":{\"b\":[1,2]},\"c\":\"x\"}")).stream()
                .filter(p -> p.what().equals("body /a/b/1 = 0")).findFirst().orElseThrow();
        assertEquals(json.readTree("{\"a\":{\"b\":[1,0]},\"c\":\"x\"}"), json.readTree(probe.request().body()));
    }
}
