package sh.grassroots.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerHeadersTest {

    @Test
    void readsEveryHeader() {
        CallerHeaders c = CallerHeaders.from(Map.of(
                "X-Caller-Subject", "m-1", "X-Caller-Kind", "PERSON",
                "X-Caller-Roles", "member, branch_secretary", "X-Caller-Org-Scope", "o-1",
                "X-Caller-District", "310110")::get).orElseThrow();
        assertEquals("m-1", c.subject());
        assertEquals(Set.of("member", "branch_secretary"), c.roles());
        assertEquals("o-1", c.orgScope());
        assertEquals("310110", c.district());
        assertTrue(c.hasAnyRole("organizer", "branch_secretary"));
        assertFalse(c.isService());
    }

    @Test
    void noSubjectMeansNoCaller() {
        assertTrue(CallerHeaders.from(Map.of("X-Caller-Roles", "district_admin")::get).isEmpty());
        assertTrue(CallerHeaders.from(Map.of("X-Caller-Subject", " ")::get).isEmpty());
    }

    @Test
    void anUnknownKindIsNoCaller() {
        assertTrue(CallerHeaders.from(Map.of("X-Caller-Subject", "x", "X-Caller-Kind", "ROBOT")::get).isEmpty());
    }

    @Test
    void aServiceIdentityWithoutRolesHasNone() {
        CallerHeaders c = CallerHeaders.from(Map.of("X-Caller-Subject", "district-310115",
                "X-Caller-Kind", "SERVICE")::get).orElseThrow();
        assertTrue(c.isService());
        assertEquals(Set.of(), c.roles());
        assertEquals(null, c.orgScope());
    }

    @Test
    void require_without_headers_is_a_401_problem() {
        ProblemException e = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> CallerHeaders.require(Map.<String, String>of()::get));
        assertEquals(401, e.problem().status());
        assertTrue(e.problem().type().endsWith(":unauthenticated"));
    }

    @Test
    void own_records_are_for_the_person_and_the_named_roles() {
        CallerHeaders me = CallerHeaders.from(Map.of("X-Caller-Subject", "m-1", "X-Caller-Roles", "member")::get).orElseThrow();
        me.requireSelfOrRole("m-1", "training_admin");
        ProblemException e = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> me.requireSelfOrRole("m-2", "training_admin"));
        assertEquals(403, e.problem().status());
        assertTrue(e.problem().type().endsWith(":not-own-record"));
        CallerHeaders admin = CallerHeaders.from(Map.of("X-Caller-Subject", "a", "X-Caller-Roles", "training_admin")::get).orElseThrow();
        admin.requireSelfOrRole("m-2", "training_admin");
        CallerHeaders service = CallerHeaders.from(Map.of("X-Caller-Subject", "m-2", "X-Caller-Kind", "SERVICE",
                "X-Caller-Roles", "training_admin")::get).orElseThrow();
        org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class, () -> service.requireSelfOrRole("m-2", "training_admin"));
    }
}
