package sh.grassroots.org.tree.application;

import sh.grassroots.org.tree.model.OrganizationKind;

import java.time.LocalDate;
import java.util.UUID;

public record CreateOrganization(String name, OrganizationKind kind, String districtCode, UUID parentId,
                                 LocalDate foundedOn, String documentNumber) {
}
