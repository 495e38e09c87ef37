package sh.grassroots.org.tree.application;

import sh.grassroots.org.branch.model.FormDraft;
import sh.grassroots.org.tree.model.OrganizationKind;

import java.time.LocalDate;
import java.util.UUID;

/** {@code form} is null for an ordinary branch and for every committee and general branch. */
public record CreateOrganization(String name, OrganizationKind kind, String districtCode, UUID parentId,
                                 LocalDate foundedOn, String documentNumber, FormDraft form) {

    public CreateOrganization(String name, OrganizationKind kind, String districtCode, UUID parentId,
                              LocalDate foundedOn, String documentNumber) {
        this(name, kind, districtCode, parentId, foundedOn, documentNumber, null);
    }
}
