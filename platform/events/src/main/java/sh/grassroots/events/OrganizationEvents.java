package sh.grassroots.events;

import java.time.LocalDate;
import java.util.UUID;

/** Payloads published on {@link Topics#ORG_ORGANIZATION}. */
public final class OrganizationEvents {
    public static final String CREATED = "OrganizationCreated";
    public static final int CREATED_VERSION = 1;

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
}
