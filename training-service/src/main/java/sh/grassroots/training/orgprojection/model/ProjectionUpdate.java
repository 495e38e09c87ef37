package sh.grassroots.training.orgprojection.model;

import java.util.Optional;

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
}
