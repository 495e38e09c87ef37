package sh.grassroots.gateway.auth.model;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RolePolicyTest {
    private final RolePolicy policy = new RolePolicy(RolePolicy.DEFAULT);

    @Test
    void a_member_cannot_create_or_move_organizations() {
        assertEquals("organization-structure",
                policy.check("POST", "/api/v1/orgs/organizations", Set.of("member")).orElseThrow().rule());
        assertTrue(policy.check("POST", "/api/v1/orgs/organizations/x/move", Set.of("member")).isPresent());
    }

    @Test
    void an_organizer_can_and_anyone_may_read() {
        assertTrue(policy.check("POST", "/api/v1/orgs/organizations", Set.of("organizer")).isEmpty());
        assertTrue(policy.check("GET", "/api/v1/orgs/organizations/x", Set.of()).isEmpty());
    }

    @Test
    void only_a_conference_office_changes_a_joint_conference() {
        assertEquals("joint-conferences",
                policy.check("POST", "/api/v1/orgs/conferences/c1/offers", Set.of("member", "branch_secretary")).orElseThrow().rule());
        assertTrue(policy.check("POST", "/api/v1/orgs/conferences/c1/offers", Set.of("organizer")).isEmpty());
        assertTrue(policy.check("GET", "/api/v1/orgs/conferences/c1/matches", Set.of("member")).isEmpty());
    }

    @Test
    void mediations_are_arranged_by_party_workers_or_the_station() {
        assertEquals("mediations",
                policy.check("POST", "/api/v1/stations/s1/rooms/r1/mediations", Set.of("member")).orElseThrow().rule());
        assertEquals("mediations",
                policy.check("POST", "/api/v1/stations/s1/mediations/m1/outcome", Set.of("member")).orElseThrow().rule());
        assertTrue(policy.check("POST", "/api/v1/stations/s1/rooms/r1/mediations", Set.of("branch_secretary")).isEmpty());
        assertTrue(policy.check("POST", "/api/v1/stations/s1/rooms/r1/bookings", Set.of("member")).isEmpty());
    }

    @Test
    void a_branch_secretary_manages_member_records() {
        assertTrue(policy.check("POST", "/api/v1/orgs/members", Set.of("branch_secretary")).isEmpty());
        assertTrue(policy.check("POST", "/api/v1/orgs/members/x/leave", Set.of("member")).isPresent());
        assertTrue(policy.check("POST", "/api/v1/orgs/members/x/status", Set.of("member")).isPresent());
        assertTrue(policy.check("PUT", "/api/v1/orgs/members/x/attributes", Set.of("member")).isPresent());
        // their own phone is the member's to change; org-service refuses anyone else's
        assertTrue(policy.check("PUT", "/api/v1/orgs/members/x/phone", Set.of("member")).isEmpty());
        assertEquals("branches-and-villages",
                policy.check("POST", "/api/v1/orgs/branches/b/affiliations", Set.of("member")).orElseThrow().rule());
        assertTrue(policy.check("POST", "/api/v1/orgs/branches/b/affiliations", Set.of("branch_secretary")).isEmpty());
    }

    @Test
    void a_member_may_request_a_transfer_and_book_a_room_but_not_set_up_a_room() {
        assertTrue(policy.check("POST", "/api/v1/orgs/transfers", Set.of("member")).isEmpty());
        assertTrue(policy.check("POST", "/api/v1/stations/s1/rooms/r1/bookings", Set.of("member")).isEmpty());
        assertTrue(policy.check("POST", "/api/v1/stations/s1/rooms", Set.of("member")).isPresent());
        assertTrue(policy.check("POST", "/api/v1/stations", Set.of("member")).isPresent());
        assertTrue(policy.check("POST", "/api/v1/stations/s1/rooms", Set.of("station_manager")).isEmpty());
    }

    @Test
    void only_a_station_manager_approves_bookings() {
        assertEquals("booking-approval",
                policy.check("POST", "/api/v1/stations/s1/bookings/b1/approve", Set.of("member")).orElseThrow().rule());
        assertTrue(policy.check("POST", "/api/v1/stations/s1/bookings/b1/cancel", Set.of("member")).isEmpty());
    }

    @Test
    void a_member_enrols_and_checks_in_but_does_not_schedule_sessions() {
        assertTrue(policy.check("POST", "/api/v1/training/sessions/x/enrolments", Set.of("member")).isEmpty());
        assertTrue(policy.check("POST", "/api/v1/training/sessions/x/check-ins", Set.of("member")).isEmpty());
        assertTrue(policy.check("POST", "/api/v1/training/sessions", Set.of("member")).isPresent());
        assertTrue(policy.check("POST", "/api/v1/training/sessions/x/cancellation", Set.of("member")).isPresent());
    }
}
