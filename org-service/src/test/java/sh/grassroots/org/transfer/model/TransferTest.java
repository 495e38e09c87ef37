package sh.grassroots.org.transfer.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.org.tree.model.OrganizationKind;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class TransferTest {
    private final UUID member = UUID.randomUUID();
    private final UUID home = UUID.randomUUID();
    private final Target receivingBranch = new Target(UUID.randomUUID(), OrganizationKind.BRANCH, false);

    private Outcome<TransferChange.Requested> request(boolean memberActive, Target target, boolean hasOpen) {
        return Transfer.request(UUID.randomUUID(), member, memberActive, home, target, hasOpen);
    }

    @Test
    void an_active_member_is_transferred_from_their_home_to_another_branch() {
        var requested = assertInstanceOf(Outcome.Done.class, request(true, receivingBranch, false));
        var change = (TransferChange.Requested) requested.value();
        assertEquals(home, change.fromOrganizationId());
        assertEquals(receivingBranch.id(), change.toOrganizationId());
    }

    @Test
    void a_member_has_at_most_one_open_transfer() {
        assertRefused(TransferRule.ALREADY_OPEN, request(true, receivingBranch, true));
    }

    @Test
    void nobody_is_transferred_to_a_dissolved_branch() {
        assertRefused(TransferRule.TARGET_DISSOLVED,
                request(true, new Target(UUID.randomUUID(), OrganizationKind.BRANCH, true), false));
    }

    @Test
    void a_transfer_goes_to_a_branch_other_than_the_current_home() {
        assertRefused(TransferRule.TARGET_MUST_BE_BRANCH,
                request(true, new Target(UUID.randomUUID(), OrganizationKind.GENERAL_BRANCH, false), false));
        assertRefused(TransferRule.TARGET_IS_CURRENT_HOME,
                request(true, new Target(home, OrganizationKind.BRANCH, false), false));
    }

    @Test
    void a_member_who_left_is_not_transferred() {
        assertRefused(TransferRule.MEMBER_HAS_LEFT, request(false, receivingBranch, false));
    }

    @Test
    void an_accepted_transfer_completes_into_the_receiving_branch_unless_it_was_dissolved_meanwhile() {
        var accepted = new Transfer.Accepted(UUID.randomUUID(), member, home, receivingBranch.id());
        var completed = (TransferChange.Completed) assertInstanceOf(Outcome.Done.class, accepted.complete(receivingBranch, true)).value();
        assertEquals(receivingBranch.id(), completed.toOrganizationId());
        assertRefused(TransferRule.TARGET_DISSOLVED,
                accepted.complete(new Target(receivingBranch.id(), OrganizationKind.BRANCH, true), true));
    }

    @Test
    void an_accepted_transfer_of_a_member_who_left_meanwhile_is_not_completed() {
        var accepted = new Transfer.Accepted(UUID.randomUUID(), member, home, receivingBranch.id());
        assertRefused(TransferRule.MEMBER_HAS_LEFT, accepted.complete(receivingBranch, false));
    }

    @Test
    void a_dissolved_branch_cannot_accept_a_transfer() {
        var requested = new Transfer.Requested(UUID.randomUUID(), member, home, receivingBranch.id());
        assertRefused(TransferRule.TARGET_DISSOLVED,
                requested.accept(new Target(receivingBranch.id(), OrganizationKind.BRANCH, true)));
        assertInstanceOf(Outcome.Done.class, requested.accept(receivingBranch));
    }

    private static void assertRefused(TransferRule rule, Outcome<?> outcome) {
        var refused = assertInstanceOf(Outcome.Rejected.class, outcome, () -> "allowed: " + outcome);
        assertEquals(rule, refused.rule());
    }
}
