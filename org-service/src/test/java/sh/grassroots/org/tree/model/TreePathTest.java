package sh.grassroots.org.tree.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreePathTest {
    private final UUID committee = UUID.randomUUID();
    private final UUID general = UUID.randomUUID();
    private final UUID branch = UUID.randomUUID();

    @Test
    void a_path_lists_the_ids_from_the_root_down() {
        TreePath path = TreePath.root(committee).child(general).child(branch);
        assertEquals("/" + committee + "/" + general + "/" + branch + "/", path.value());
        assertEquals(List.of(committee, general, branch), path.ids());
        assertEquals(branch, path.last());
        assertEquals(3, path.depth());
    }

    @Test
    void a_node_lies_within_itself_and_its_ancestors_but_not_its_siblings() {
        TreePath parent = TreePath.root(committee);
        TreePath child = parent.child(branch);
        TreePath sibling = parent.child(general);
        assertTrue(child.isWithin(parent));
        assertTrue(child.isWithin(child));
        assertFalse(child.isWithin(sibling));
        assertFalse(parent.isWithin(child));
    }

    @Test
    void every_path_of_a_subtree_sorts_between_its_root_and_the_upper_bound_and_no_other_does() {
        TreePath root = TreePath.root(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
        TreePath deepest = root.child(UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"));
        TreePath nextRoot = TreePath.root(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
        String upper = root.subtreeUpperBound();
        assertTrue(deepest.value().compareTo(root.value()) > 0);
        assertTrue(deepest.value().compareTo(upper) < 0);
        assertTrue(nextRoot.value().compareTo(upper) >= 0);
    }

    @Test
    void rebasing_replaces_the_moved_prefix_and_keeps_the_rest() {
        TreePath oldParent = TreePath.root(committee);
        TreePath moved = oldParent.child(general);
        TreePath below = moved.child(branch);
        UUID otherCommittee = UUID.randomUUID();
        TreePath newPlace = TreePath.root(otherCommittee).child(general);
        assertEquals(List.of(otherCommittee, general, branch), below.rebase(moved, newPlace).ids());
    }

    @Test
    void a_path_outside_the_moved_subtree_cannot_be_rebased() {
        TreePath moved = TreePath.root(committee).child(general);
        TreePath elsewhere = TreePath.root(branch);
        assertThrows(IllegalArgumentException.class, () -> elsewhere.rebase(moved, TreePath.root(general)));
    }

    @Test
    void malformed_paths_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> new TreePath("/" + committee));
        assertThrows(IllegalArgumentException.class, () -> new TreePath("//"));
        assertThrows(IllegalArgumentException.class, () -> new TreePath("/not-a-uuid/"));
    }
}
