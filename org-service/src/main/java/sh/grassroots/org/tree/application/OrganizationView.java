package sh.grassroots.org.tree.application;

import sh.grassroots.org.branch.application.BranchFormView;
import sh.grassroots.org.tree.model.OrganizationKind;
import sh.grassroots.org.tree.persistence.OrganizationEntity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

public record OrganizationView(UUID id, String name, OrganizationKind kind, String districtCode, UUID parentId,
                               LocalDate foundedOn, String documentNumber, LocalDate dissolvedOn,
                               OffsetDateTime createdAt, long version, BranchFormView form) {

    static OrganizationView of(OrganizationEntity e) {
        return new OrganizationView(e.id, e.name, e.kind, e.districtCode, e.parentId, e.foundedOn,
                e.documentNumber, e.dissolvedOn, e.createdAt, e.version, BranchFormView.of(e.kind, e.form));
    }
}
