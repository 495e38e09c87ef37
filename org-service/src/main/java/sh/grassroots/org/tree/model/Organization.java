package sh.grassroots.org.tree.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A node of the tree. Only an {@link ActiveOrganization} can be renamed, moved or dissolved; a
 * {@link DissolvedOrganization} is kept for the record and offers no operations.
 */
public sealed interface Organization extends TreePath.Placed permits ActiveOrganization, DissolvedOrganization {
    UUID id();

    String name();

    OrganizationKind kind();

    String districtCode();

    Optional<UUID> parentId();

    LocalDate foundedOn();

    /** What the placement rules need to know of this organization as somebody's parent. */
    default Placement.Parent asParent() {
        return new Placement.Parent(kind(), districtCode(), this instanceof DissolvedOrganization);
    }
}
