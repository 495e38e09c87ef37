package sh.grassroots.org.tree.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Test data in the words of the domain: {@code aBranch().under(committee).build()}. */
final class Organizations {
    private UUID id = UUID.randomUUID();
    private String name;
    private final OrganizationKind kind;
    private String district = District.YANGPU.code();
    private Organization parent;
    private LocalDate foundedOn = LocalDate.of(2017, 6, 1);
    private LocalDate dissolvedOn;

    private Organizations(OrganizationKind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    static Organizations aCommittee() {
        return new Organizations(OrganizationKind.COMMITTEE, "哔哩哔哩党委");
    }

    static Organizations aGeneralBranch() {
        return new Organizations(OrganizationKind.GENERAL_BRANCH, "小西门居民区党总支");
    }

    static Organizations aBranch() {
        return new Organizations(OrganizationKind.BRANCH, "第一党支部");
    }

    Organizations named(String name) {
        this.name = name;
        return this;
    }

    Organizations under(Organization parent) {
        this.parent = parent;
        this.district = parent.districtCode();
        return this;
    }

    Organizations inDistrict(District district) {
        this.district = district.code();
        return this;
    }

    Organizations foundedOn(LocalDate date) {
        this.foundedOn = date;
        return this;
    }

    Organizations dissolvedOn(LocalDate date) {
        this.dissolvedOn = date;
        return this;
    }

    ActiveOrganization build() {
        if (dissolvedOn != null) {
            throw new IllegalStateException("use buildDissolved()");
        }
        return new ActiveOrganization(id, name, kind, district, parentId(), path(), foundedOn);
    }

    DissolvedOrganization buildDissolved() {
        return new DissolvedOrganization(id, name, kind, district, parentId(), path(), foundedOn, dissolvedOn);
    }

    private Optional<UUID> parentId() {
        return Optional.ofNullable(parent).map(Organization::id);
    }

    private TreePath path() {
        return parent == null ? TreePath.root(id) : parent.path().child(id);
    }
}
