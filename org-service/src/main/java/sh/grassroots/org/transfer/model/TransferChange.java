package sh.grassroots.org.transfer.model;

import java.util.UUID;

public sealed interface TransferChange permits TransferChange.Requested, TransferChange.Accepted,
        TransferChange.Rejected, TransferChange.Cancelled, TransferChange.Completed {

    record Requested(UUID transferId, UUID memberId, UUID fromOrganizationId, UUID toOrganizationId)
            implements TransferChange {
    }

    record Accepted(UUID transferId) implements TransferChange {
    }

    record Rejected(UUID transferId, String reason) implements TransferChange {
    }

    record Cancelled(UUID transferId) implements TransferChange {
    }

    /** The member's home moves from {@code fromOrganizationId} to {@code toOrganizationId}. */
    record Completed(UUID transferId, UUID memberId, UUID fromOrganizationId, UUID toOrganizationId)
            implements TransferChange {
    }
}
