package sh.grassroots.training.orgprojection.model;

import java.time.LocalDate;
import java.util.UUID;

/** What training needs to know of an organization: enough to decide eligibility by subtree. */
public record OrganizationSnapshot(UUID id, String name, String kind, String districtCode, UUID parentId,
                                   LocalDate foundedOn) {
}
