package sh.grassroots.training.orgprojection.model;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ProjectionUpdateTest {
    private final OrganizationSnapshot bilibili = new OrganizationSnapshot(UUID.randomUUID(), "哔哩哔哩党委",
            "COMMITTEE", "310110", null, null);

    @Test
    void a_new_organization_is_stored() {
        var decision = ProjectionUpdate.created(Optional.empty(), bilibili);
        assertEquals(new ProjectionUpdate.Store(bilibili), decision);
    }

    @Test
    void an_organization_announced_again_under_another_event_id_is_not_stored_twice() {
        var decision = ProjectionUpdate.created(Optional.of(bilibili), bilibili);
        assertInstanceOf(ProjectionUpdate.Ignore.class, decision);
    }
}
