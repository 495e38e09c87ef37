package sh.grassroots.org.transfer.model;

import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.org.tree.model.OrganizationKind;

import java.util.UUID;

/**
 * A transfer in each of its states. Only a {@link Requested} one can be accepted, rejected or
 * cancelled, only an {@link Accepted} one completed; a {@link Closed} one is history.
 */
public sealed interface Transfer permits Transfer.Requested, Transfer.Accepted, Transfer.Closed {
    UUID id();

    UUID memberId();

    UUID fromOrganizationId();

    UUID toOrganizationId();

    record Requested(UUID id, UUID memberId, UUID fromOrganizationId, UUID toOrganizationId) implements Transfer {

        /** The receiving organization takes the member; it must still exist to do so. */
        public Outcome<TransferChange.Accepted> accept(Target receiving) {
            if (receiving.dissolved()) {
                return Outcome.rejected(TransferRule.TARGET_DISSOLVED, "The receiving organization has been dissolved");
            }
            return Outcome.done(new TransferChange.Accepted(id));
        }

        public TransferChange.Rejected reject(String reason) {
            return new TransferChange.Rejected(id, reason);
        }

        /** Until the receiving side accepted, the requesting side may withdraw. */
        public TransferChange.Cancelled cancel() {
            return new TransferChange.Cancelled(id);
        }
    }

    record Accepted(UUID id, UUID memberId, UUID fromOrganizationId, UUID toOrganizationId) implements Transfer {

        /**
         * Completes the move of the home membership. The member must still be a member (one who
         * left meanwhile has no home to move), and the receiving branch may not have been
         * dissolved meanwhile.
         */
        public Outcome<TransferChange.Completed> complete(Target receiving, boolean memberActive) {
            if (!memberActive) {
                return Outcome.rejected(TransferRule.MEMBER_HAS_LEFT,
                        "The member left after the transfer was accepted; a former member's record is not moved");
            }
            if (receiving.dissolved()) {
                return Outcome.rejected(TransferRule.TARGET_DISSOLVED,
                        "The receiving organization was dissolved after it accepted the member");
            }
            return Outcome.done(new TransferChange.Completed(id, memberId, fromOrganizationId, toOrganizationId));
        }
    }

    record Closed(UUID id, UUID memberId, UUID fromOrganizationId, UUID toOrganizationId, TransferStatus status)
            implements Transfer {
    }

    /**
     * Starts a transfer of an active member from their home to another branch.
     *
     * @param memberActive   false when the member's record was closed
     * @param hasOpenTransfer true when the member already has a requested or accepted transfer
     */
    public static Outcome<TransferChange.Requested> request(UUID transferId, UUID memberId, boolean memberActive,
                                                     UUID currentHome, Target receiving, boolean hasOpenTransfer) {
        if (!memberActive) {
            return Outcome.rejected(TransferRule.MEMBER_HAS_LEFT, "The member's record is closed");
        }
        if (receiving.id().equals(currentHome)) {
            return Outcome.rejected(TransferRule.TARGET_IS_CURRENT_HOME, "The member's home is already that organization");
        }
        if (receiving.dissolved()) {
            return Outcome.rejected(TransferRule.TARGET_DISSOLVED, "The receiving organization has been dissolved");
        }
        if (receiving.kind() != OrganizationKind.BRANCH) {
            return Outcome.rejected(TransferRule.TARGET_MUST_BE_BRANCH,
                    "A member's record is held by a branch, not a " + receiving.kind());
        }
        if (hasOpenTransfer) {
            return Outcome.rejected(TransferRule.ALREADY_OPEN, "The member already has an open transfer");
        }
        return Outcome.done(new TransferChange.Requested(transferId, memberId, currentHome, receiving.id()));
    }
}
