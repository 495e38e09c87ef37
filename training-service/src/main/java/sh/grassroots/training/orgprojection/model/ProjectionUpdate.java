package sh.grassroots.training.orgprojection.model;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How one organization event changes the projection. The inbox already drops redelivered
 * events; this decides about events that are new but stale or repeated in substance (an
 * organization announced twice under two event ids is stored once).
 */
public final class ProjectionUpdate {

    public sealed interface Decision permits Store, Ignore {
    }

    public record Store(OrganizationSnapshot snapshot) implements Decision {
    }

    public record Ignore(String reason) implements Decision {
    }

    private ProjectionUpdate() {
    }

    public static Decision created(Optional<OrganizationSnapshot> known, OrganizationSnapshot announced) {
        if (known.isPresent()) {
            return new Ignore("organization " + announced.id() + " is already known");
        }
        return new Store(announced);
    }

    /** The subtree below a moved organization moves with it: only its own parent changes. */
    public static Decision moved(Optional<OrganizationSnapshot> known, UUID newParentId) {
        if (known.isEmpty()) {
            return new Ignore("a move of an organization training has not heard of");
        }
        OrganizationSnapshot k = known.get();
        if (Objects.equals(k.parentId(), newParentId)) {
            return new Ignore("organization " + k.id() + " is already under " + newParentId);
        }
        return new Store(new OrganizationSnapshot(k.id(), k.name(), k.kind(), k.districtCode(), newParentId, k.foundedOn()));
    }
}
