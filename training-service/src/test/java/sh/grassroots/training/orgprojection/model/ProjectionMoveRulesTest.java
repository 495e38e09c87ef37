package sh.grassroots.training.orgprojection.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ProjectionMoveRulesTest {
    static final UUID OLD_PARENT = UUID.randomUUID();
    static final UUID NEW_PARENT = UUID.randomUUID();
    static final OrganizationSnapshot BRANCH = new OrganizationSnapshot(UUID.randomUUID(), "UP主党支部", "BRANCH", "310110",
            OLD_PARENT, LocalDate.of(2019, 1, 1));

    @Test
    void a_moved_branch_hangs_under_its_new_parent_with_everything_else_kept() {
        ProjectionUpdate.Store store = assertInstanceOf(ProjectionUpdate.Store.class,
                ProjectionUpdate.moved(Optional.of(BRANCH), NEW_PARENT));
        assertEquals(NEW_PARENT, store.snapshot().parentId());
        assertEquals(BRANCH.name(), store.snapshot().name());
    }

    @Test
    void a_move_to_where_it_already_is_or_of_an_unknown_organization_changes_nothing() {
        assertInstanceOf(ProjectionUpdate.Ignore.class, ProjectionUpdate.moved(Optional.of(BRANCH), OLD_PARENT));
        assertInstanceOf(ProjectionUpdate.Ignore.class, ProjectionUpdate.moved(Optional.empty(), NEW_PARENT));
    }
}
