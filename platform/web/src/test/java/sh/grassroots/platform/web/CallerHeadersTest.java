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
}
