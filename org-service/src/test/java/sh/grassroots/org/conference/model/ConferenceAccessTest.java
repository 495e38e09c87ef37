package sh.grassroots.org.conference.model;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConferenceAccessTest {
    private static final String HUANGPU = "310101";

    private static ConferenceAccess.Caller person(String role, String district) {
        return new ConferenceAccess.Caller(false, Set.of(role), district);
    }

    private static String slug(Optional<ConferenceAccess.Denial> denial) {
        return denial.map(ConferenceAccess.Denial::slug).orElse("allowed");
    }

    @Test
    void the_host_districts_admin_and_organizers_run_the_conference() {
        assertEquals("allowed", slug(ConferenceAccess.mayWrite(person("district_admin", HUANGPU), HUANGPU)));
        assertEquals("allowed", slug(ConferenceAccess.mayWrite(person("organizer", HUANGPU), HUANGPU)));
    }

    @Test
    void another_districts_admin_may_not_write() {
        assertEquals("conference-outside-district",
                slug(ConferenceAccess.mayWrite(person("district_admin", "310110"), HUANGPU)));
        assertEquals("conference-outside-district", slug(ConferenceAccess.mayWrite(person("organizer", null), HUANGPU)));
    }

    @Test
    void members_and_branch_secretaries_read_but_do_not_write() {
        assertEquals("conference-role-not-allowed", slug(ConferenceAccess.mayWrite(person("member", HUANGPU), HUANGPU)));
        assertEquals("conference-role-not-allowed",
                slug(ConferenceAccess.mayWrite(person("branch_secretary", HUANGPU), HUANGPU)));
        assertEquals("allowed", slug(ConferenceAccess.mayRead(person("member", null))));
    }

    @Test
    void another_districts_system_neither_reads_nor_writes_even_with_an_admin_role_and_the_host_district() {
        var service = new ConferenceAccess.Caller(true, Set.of("service", "district_admin"), HUANGPU);
        assertEquals("service-identity-not-allowed", slug(ConferenceAccess.mayRead(service)));
        assertEquals("service-identity-not-allowed", slug(ConferenceAccess.mayWrite(service, HUANGPU)));
    }
}
