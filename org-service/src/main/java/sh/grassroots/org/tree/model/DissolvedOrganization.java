package sh.grassroots.org.tree.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

public record DissolvedOrganization(UUID id, String name, OrganizationKind kind, String districtCode,
                                   Optional<UUID> parentId, TreePath path, LocalDate foundedOn,
                                   LocalDate dissolvedOn) implements Organization {
}
