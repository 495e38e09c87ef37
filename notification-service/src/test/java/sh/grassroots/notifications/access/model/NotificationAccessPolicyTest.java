package sh.grassroots.notifications.access.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Refusal;
import sh.grassroots.platform.access.Roles;
import sh.grassroots.platform.access.Scope;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NotificationAccessPolicyTest {
    private static Scope person(String subject, String... roles) {
        return Scope.of(Caller.person(subject, Set.of(roles), null, "310101"), null);
    }

    @Test
    void a_person_reads_their_own_notifications() {
        assertEquals(Optional.empty(), NotificationAccessPolicy.notification(person("m-1", Roles.MEMBER), "m-1"));
    }

    @Test
    void nobody_else_does_a_district_admin_included() {
        assertEquals(Refusal.NOT_YOURS, NotificationAccessPolicy.notification(person("m-2", Roles.MEMBER), "m-1")
                .orElseThrow().slug());
        assertEquals(Refusal.NOT_YOURS, NotificationAccessPolicy.notification(person("admin", Roles.DISTRICT_ADMIN), "m-1")
                .orElseThrow().slug());
    }

    @Test
    void another_districts_system_has_no_inbox_here() {
        Scope service = Scope.of(new Caller("310110", Caller.Kind.SERVICE, Set.of(), null, "310110"), null);
        assertEquals(Refusal.SERVICE_IDENTITY_NOT_ALLOWED, NotificationAccessPolicy.ownInbox(service).orElseThrow().slug());
    }
}
