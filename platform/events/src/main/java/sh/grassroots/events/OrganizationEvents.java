package sh.grassroots.events;

import java.time.LocalDate;
import java.util.UUID;

/** Payloads published on {@link Topics#ORG_ORGANIZATION}. */
public final class OrganizationEvents {
    public static final String CREATED = "OrganizationCreated";
    public static final int CREATED_VERSION = 1;
    public static final String RENAMED = "OrganizationRenamed";
    public static final int RENAMED_VERSION = 1;
    public static final String MOVED = "OrganizationMoved";
    public static final int MOVED_VERSION = 1;
    public static final String DISSOLVED = "OrganizationDissolved";
    public static final int DISSOLVED_VERSION = 1;

    private OrganizationEvents() {
    }

    public record OrganizationCreated(
            UUID organizationId,
            String name,
            String kind,
            String districtCode,
            UUID parentId,
            LocalDate foundedOn) {
    }

    public record OrganizationRenamed(
            UUID organizationId,
            String oldName,
            String newName) {
    }

    /** The whole subtree below the organization moves with it; its descendants get no event of their own. */
    public record OrganizationMoved(
            UUID organizationId,
            UUID oldParentId,
            UUID newParentId) {
    }

    public record OrganizationDissolved(
            UUID organizationId,
            LocalDate dissolvedOn,
            String documentNumber) {
    }
}
