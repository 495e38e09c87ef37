package sh.grassroots.org.tree.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The changes an organization goes through after it was set up; each is logged and published. */
public sealed interface TreeChange permits TreeChange.Renamed, TreeChange.Moved, TreeChange.Dissolved {
    UUID organizationId();

    record Renamed(UUID organizationId, String oldName, String newName) implements TreeChange {
    }

    record Moved(UUID organizationId, Optional<UUID> oldParentId, Optional<UUID> newParentId,
                 TreePath oldPath, TreePath newPath) implements TreeChange {
    }

    record Dissolved(UUID organizationId, LocalDate dissolvedOn, String documentNumber) implements TreeChange {
    }
}
