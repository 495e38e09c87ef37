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
    void a_units_staff_are_also_registered_by_whoever_manages_its_members_but_nothing_else_of_the_conference() {
        assertTrue(policy.check("POST", "/api/v1/orgs/conferences/c1/units/u1/staff", Set.of("branch_secretary")).isEmpty());
        assertTrue(policy.check("DELETE", "/api/v1/orgs/conferences/c1/units/u1/staff/p1", Set.of("branch_secretary")).isEmpty());
        assertEquals("unit-staff",
                policy.check("POST", "/api/v1/orgs/conferences/c1/units/u1/staff", Set.of("member")).orElseThrow().rule());
        assertEquals("joint-conferences",
                policy.check("POST", "/api/v1/orgs/conferences/c1/units/u1/leave", Set.of("branch_secretary")).orElseThrow().rule());
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
        assertTrue(policy.check("POST", "/api/v1/stations/s1/rooms/r1/bookings/series", Set.of("member")).isEmpty());
        assertEquals("rooms-and-closures", policy.check("POST", "/api/v1/stations/s1/rooms", Set.of("member")).orElseThrow().rule());
        assertTrue(policy.check("POST", "/api/v1/stations/s1/closures", Set.of("member")).isPresent());
        assertTrue(policy.check("POST", "/api/v1/stations/s1/rooms", Set.of("station_manager")).isEmpty());
        assertTrue(policy.check("POST", "/api/v1/stations/s1/rooms", Set.of("district_admin")).isEmpty());
        assertTrue(policy.check("GET", "/api/v1/stations/s1/rooms/r1", Set.of("member")).isEmpty());
    }

    @Test
    void only_a_district_admin_creates_stations_and_names_their_managers() {
        assertEquals("station-setup", policy.check("POST", "/api/v1/stations", Set.of("station_manager")).orElseThrow().rule());
        assertTrue(policy.check("POST", "/api/v1/stations", Set.of("district_admin")).isEmpty());
        for (String method : new String[] {"PUT", "DELETE", "POST"}) {
            assertEquals("station-setup", policy.check(method, "/api/v1/stations/s1/managers/zhang", Set.of("station_manager", "organizer"))
                    .orElseThrow().rule(), method);
            assertTrue(policy.check(method, "/api/v1/stations/s1/managers/zhang", Set.of("district_admin")).isEmpty(), method);
        }
        assertTrue(policy.check("PUT", "/api/v1/stations/s1/managers", Set.of("station_manager")).isPresent());
    }

    @Test
    void the_desk_approves_rejects_and_checks_in_bookings() {
        for (String step : new String[] {"approve", "reject", "check-in"}) {
            assertEquals("booking-desk",
                    policy.check("POST", "/api/v1/stations/s1/bookings/b1/" + step, Set.of("member", "organizer")).orElseThrow().rule());
            assertTrue(policy.check("POST", "/api/v1/stations/s1/bookings/b1/" + step, Set.of("station_manager")).isEmpty());
        }
        // the booker's side cancels (stations checks whose booking it is)
        assertTrue(policy.check("POST", "/api/v1/stations/s1/bookings/b1/cancel", Set.of("member")).isEmpty());
        assertTrue(policy.check("POST", "/api/v1/stations/s1/bookings/series/x/cancel", Set.of("member")).isEmpty());
    }

    @Test
    void a_stations_usage_report_and_its_managers_are_read_by_its_managers_and_the_district_admin() {
        assertEquals("station-usage", policy.check("GET", "/api/v1/stations/s1/usage", Set.of("member", "organizer")).orElseThrow().rule());
        assertEquals("station-managers-list", policy.check("GET", "/api/v1/stations/s1/managers", Set.of("member")).orElseThrow().rule());
        assertTrue(policy.check("HEAD", "/api/v1/stations/s1/usage", Set.of("member")).isPresent());
        assertTrue(policy.check("GET", "/api/v1/stations/s1/usage", Set.of("station_manager")).isEmpty());
        assertTrue(policy.check("GET", "/api/v1/stations/s1/managers", Set.of("district_admin")).isEmpty());
    }

    @Test
    void anyone_signed_in_reads_a_day_list_availability_and_a_booking_which_stations_redacts_or_refuses() {
        for (String path : new String[] {"/api/v1/stations/s1", "/api/v1/stations/s1/bookings", "/api/v1/stations/s1/bookings/b1",
                "/api/v1/stations/s1/availability", "/api/v1/stations/s1/rooms/r1/availability", "/api/v1/stations/s1/calendar.ics",
                "/api/v1/stations/people/p1/bookings"}) {
            assertTrue(policy.check("GET", path, Set.of("member")).isEmpty(), path);
        }
    }

    @Test
    void a_mediation_record_is_read_only_by_the_station_or_party_workers() {
        assertEquals("mediations", policy.check("GET", "/api/v1/stations/s1/mediations/b1", Set.of("member")).orElseThrow().rule());
        assertTrue(policy.check("GET", "/api/v1/stations/s1/mediations/b1", Set.of("branch_secretary")).isEmpty());
        assertTrue(policy.check("GET", "/api/v1/stations/s1/mediations/b1", Set.of("station_manager")).isEmpty());
    }

    @Test
    void a_sessions_check_in_code_and_enrolment_list_are_for_its_organizers() {
        for (String read : new String[] {"check-in-code", "enrolments"}) {
            assertEquals("session-organizers-reads",
                    policy.check("GET", "/api/v1/training/sessions/x/" + read, Set.of("member", "branch_secretary")).orElseThrow().rule());
            for (String role : new String[] {"training_admin", "organizer", "district_admin"}) {
                assertTrue(policy.check("GET", "/api/v1/training/sessions/x/" + read, Set.of(role)).isEmpty(), role);
            }
        }
        assertTrue(policy.check("GET", "/api/v1/training/sessions/x", Set.of("member")).isEmpty());
        assertTrue(policy.check("GET", "/api/v1/training/sessions", Set.of("member")).isEmpty());
    }

    @Test
    void completion_reports_are_read_by_whoever_reads_training_records() {
        assertEquals("completion-reports",
                policy.check("GET", "/api/v1/training/completion-reports/o1", Set.of("member", "station_manager")).orElseThrow().rule());
        for (String role : new String[] {"training_admin", "organizer", "district_admin", "branch_secretary"}) {
            assertTrue(policy.check("GET", "/api/v1/training/completion-reports/o1", Set.of(role)).isEmpty(), role);
        }
    }

    @Test
    void a_whole_organization_is_enrolled_by_whoever_manages_its_members() {
        assertEquals("bulk-enrolment",
                policy.check("POST", "/api/v1/training/sessions/x/bulk-enrolments", Set.of("member", "training_admin")).orElseThrow().rule());
        assertTrue(policy.check("POST", "/api/v1/training/sessions/x/bulk-enrolments", Set.of("branch_secretary")).isEmpty());
    }

    @Test
    void credit_hours_are_reversed_by_whoever_runs_training() {
        assertEquals("credit-reversal",
                policy.check("POST", "/api/v1/training/credit-entries/e1/reversal", Set.of("member", "branch_secretary")).orElseThrow().rule());
        assertTrue(policy.check("POST", "/api/v1/training/credit-entries/e1/reversal", Set.of("training_admin")).isEmpty());
    }

    @Test
    void the_person_enrols_checks_in_accepts_and_cancels_themselves() {
        for (String path : new String[] {"/api/v1/training/sessions/x/enrolments", "/api/v1/training/sessions/x/check-ins",
                "/api/v1/training/enrolments/e1/cancellation", "/api/v1/training/enrolments/e1/acceptance"}) {
            assertTrue(policy.check("POST", path, Set.of("member")).isEmpty(), path);
        }
    }

    @Test
    void rules_match_without_regard_to_case() {
        assertTrue(policy.check("POST", "/api/v1/training/COURSES", Set.of("member")).isPresent());
        assertTrue(policy.check("GET", "/API/V1/TRAINING/SESSIONS/X/CHECK-IN-CODE", Set.of("member")).isPresent());
    }

    @Test
    void any_method_that_is_not_a_read_counts_as_a_write_and_options_as_neither() {
        assertTrue(policy.check("PROPFIND", "/api/v1/training/courses", Set.of("member")).isPresent());
        assertTrue(policy.check("OPTIONS", "/api/v1/training/courses", Set.of("member")).isEmpty());
        assertTrue(policy.check("OPTIONS", "/api/v1/training/sessions/x/check-in-code", Set.of("member")).isEmpty());
    }

    @Test
    void a_member_enrols_and_checks_in_but_does_not_schedule_sessions() {
        assertTrue(policy.check("POST", "/api/v1/training/sessions/x/enrolments", Set.of("member")).isEmpty());
        assertTrue(policy.check("POST", "/api/v1/training/sessions/x/check-ins", Set.of("member")).isEmpty());
        assertTrue(policy.check("POST", "/api/v1/training/sessions", Set.of("member")).isPresent());
        assertTrue(policy.check("POST", "/api/v1/training/sessions/x/cancellation", Set.of("member")).isPresent());
        assertTrue(policy.check("POST", "/api/v1/training/sessions/x/no-shows", Set.of("member")).isPresent());
        assertTrue(policy.check("POST", "/api/v1/training/sessions/x/attendance", Set.of("member")).isPresent());
        assertTrue(policy.check("POST", "/api/v1/training/courses/c1/sessions", Set.of("branch_secretary")).isPresent());
        assertTrue(policy.check("POST", "/api/v1/training/courses/c1/sessions", Set.of("training_admin")).isEmpty());
    }
}
