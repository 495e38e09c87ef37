package sh.grassroots.platform.access;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallerHeadersTest {

    @Test
    void a_caller_written_by_the_gateway_is_read_back_by_a_service() {
        Caller organizer = Caller.person("u-1", Set.of("organizer", "member"), "9b1e0c0e-0000-4000-8000-000000000001",
                "310110");
        Map<String, String> headers = new HashMap<>();
        CallerHeaders.write(organizer, headers::put);
        assertEquals("member,organizer", headers.get(CallerHeaders.ROLES));
        assertEquals(Optional.of(organizer), CallerHeaders.read(headers::get));
    }

    @Test
    void without_a_subject_there_is_no_caller() {
        Map<String, String> headers = Map.of(CallerHeaders.ROLES, "district_admin", CallerHeaders.SUBJECT, " ");
        assertTrue(CallerHeaders.read(headers::get).isEmpty());
    }

    @Test
    void an_unknown_kind_is_no_caller_rather_than_a_person() {
        Map<String, String> headers = Map.of(CallerHeaders.SUBJECT, "x", CallerHeaders.KIND, "ROBOT");
        assertTrue(CallerHeaders.read(headers::get).isEmpty());
    }

    @Test
    void roles_are_trimmed_and_empty_ones_dropped() {
        Map<String, String> headers = Map.of(CallerHeaders.SUBJECT, "x", CallerHeaders.ROLES, " member , ,organizer");
        assertEquals(Set.of("member", "organizer"), CallerHeaders.read(headers::get).orElseThrow().roles());
    }

    @Test
    void caller_headers_are_recognised_in_any_case() {
        assertTrue(CallerHeaders.isCallerHeader("x-caller-roles"));
        assertTrue(CallerHeaders.isCallerHeader("X-CALLER-SUBJECT"));
        assertFalse(CallerHeaders.isCallerHeader("X-Request-Id"));
    }

    @Test
    void a_service_identity_is_not_the_person_with_the_same_subject() {
        Caller service = new Caller("abc", Caller.Kind.SERVICE, Set.of("service"), null, "310101");
        assertFalse(service.is("abc"));
        assertTrue(Caller.person("abc", Set.of(), null, null).is("abc"));
    }
}
