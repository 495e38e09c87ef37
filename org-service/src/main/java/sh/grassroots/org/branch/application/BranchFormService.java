package sh.grassroots.org.branch.application;

import sh.grassroots.org.tree.model.TreeRule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import sh.grassroots.org.access.application.Access;
import sh.grassroots.org.affiliation.application.AffiliationService;
import sh.grassroots.org.branch.model.BranchForm;
import sh.grassroots.org.branch.model.BranchFormRule;
import sh.grassroots.org.branch.model.BranchForms;
import sh.grassroots.org.branch.model.FormDraft;
import sh.grassroots.org.branch.model.FormType;
import sh.grassroots.org.branch.model.GridCheck;
import sh.grassroots.org.branch.persistence.BranchFormColumns;
import sh.grassroots.org.branch.persistence.VillageProfileEntity;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.org.common.model.Actor;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.org.tree.model.OrganizationKind;
import sh.grassroots.org.tree.persistence.OrganizationChangeEntity;
import sh.grassroots.org.tree.persistence.OrganizationEntity;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Permission;
import sh.grassroots.platform.web.ProblemException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The forms of branches: checked when a branch is set up, extended, and a village's grids checked.
 * Extending a temporary branch, new criteria and a village's description restructure the tree
 * (MANAGE_STRUCTURE at the branch or village); a village's grid check reads it (READ_SUBTREE).
 */
@ApplicationScoped
public class BranchFormService {
    private final Clock clock;
    private final AffiliationService affiliations;
    private final Access access;

    public BranchFormService(Clock clock, AffiliationService affiliations, Access access) {
        this.access = access;
        this.clock = clock;
        this.affiliations = affiliations;
    }

    /**
     * The columns to store for a new organization's form, or a failed Uni naming the rule. Runs in
     * the creating transaction (which holds the district's shared tree lock).
     */
    public Uni<BranchFormColumns> prepare(FormDraft draft, OrganizationKind kind, Optional<OrganizationEntity> parent) {
        if (draft == null) {
            return Uni.createFrom().nullItem();
        }
        Outcome<Optional<BranchForm>> outcome = BranchForms.decide(draft, new BranchForms.Setting(kind,
                parent.map(p -> p.id), parent.map(p -> p.kind)));
        if (outcome instanceof Outcome.Rejected<Optional<BranchForm>> refused) {
            return Uni.createFrom().failure(Rejections.exception(refused.rejection()));
        }
        Optional<BranchForm> form = ((Outcome.Done<Optional<BranchForm>>) outcome).value();
        if (form.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        BranchFormColumns columns = BranchFormColumns.of(form.get());
        if (!(form.get() instanceof BranchForm.Grid grid)) {
            return Uni.createFrom().item(columns);
        }
        // Creations in a district hold its tree lock only shared, so two grids of one village could
        // both pass the check below; the village's own lock makes them take turns (the unique index
        // organization_grid_number_per_village stays the last guard).
        String village = grid.villageOrganizationId().map(UUID::toString).orElseGet(() -> grid.villageName().orElseThrow());
        Uni<Void> villageLock = Panache.getSession().chain(session -> session
                .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(?1))", Integer.class)
                .setParameter(1, "org-grid-village:" + village).getSingleResult()).replaceWithVoid();
        Uni<Long> sameNumber = villageLock.chain(() -> grid.villageOrganizationId().isPresent()
                ? OrganizationEntity.count("form.type = ?1 and dissolvedOn is null and form.gridNumber = ?2 "
                + "and form.villageOrganizationId = ?3", FormType.GRID, grid.number(), grid.villageOrganizationId().get())
                : OrganizationEntity.count("form.type = ?1 and dissolvedOn is null and form.gridNumber = ?2 "
                + "and form.villageName = ?3", FormType.GRID, grid.number(), grid.villageName().orElseThrow()));
        return sameNumber
                .map(taken -> {
                    if (taken > 0) {
                        throw Rejections.exception(BranchFormRule.GRID_NUMBER_TAKEN.rejects(
                                "The village already has an active grid number " + grid.number()));
                    }
                    return columns;
                });
    }

    /** Moves a temporary branch's planned end later, logged in its history. */
    @WithTransaction
    public Uni<BranchFormView> extend(Caller caller, UUID branchId, LocalDate newPlannedEnd) {
        return structured(caller, branchId).chain(branch -> {
            if (branch.dissolvedOn != null) {
                return Uni.createFrom().failure(Rejections.exception(TreeRule.ORGANIZATION_DISSOLVED.rejects(
                        branch.name + " was dissolved on " + branch.dissolvedOn)));
            }
            Optional<BranchForm> form = BranchFormColumns.toModel(branch.form);
            if (form.isEmpty() || !(form.get() instanceof BranchForm.Temporary temporary)) {
                return Uni.createFrom().failure(Rejections.exception(BranchFormRule.NOT_TEMPORARY.rejects(
                        branch.name + " is not a temporary branch")));
            }
            Outcome<BranchForm.Temporary> outcome = temporary.extendTo(newPlannedEnd, LocalDate.now(clock));
            if (outcome instanceof Outcome.Rejected<BranchForm.Temporary> refused) {
                return Uni.createFrom().failure(Rejections.exception(refused.rejection()));
            }
            BranchForm.Temporary extended = ((Outcome.Done<BranchForm.Temporary>) outcome).value();
            branch.form.plannedEndOn = extended.plannedEndOn();
            return OrganizationChangeEntity.of(branchId, "EXTENDED", temporary.plannedEndOn().toString(),
                            extended.plannedEndOn().toString(), extended.plannedEndOn(), null, OffsetDateTime.now(clock))
                    .by(Actor.of(caller)).persist()
                    .chain(() -> Panache.getSession().chain(s -> s.flush()))
                    .map(ignored -> BranchFormView.of(branch.kind, branch.form));
        });
    }

    /** New criteria for a functional branch; affiliations that no longer meet them end at once. */
    @WithTransaction
    public Uni<CriteriaChange> changeCriteria(Caller caller, UUID branchId, String criteria) {
        return structured(caller, branchId).chain(branch -> {
            if (branch.dissolvedOn != null) {
                return Uni.createFrom().failure(Rejections.exception(TreeRule.ORGANIZATION_DISSOLVED.rejects(
                        branch.name + " was dissolved on " + branch.dissolvedOn)));
            }
            Outcome<BranchForm.Functional> outcome = BranchForms.changeCriteria(BranchFormColumns.toModel(branch.form), criteria);
            if (outcome instanceof Outcome.Rejected<BranchForm.Functional> refused) {
                return Uni.createFrom().failure(Rejections.exception(refused.rejection()));
            }
            String old = branch.form.criteria;
            branch.form.criteria = ((Outcome.Done<BranchForm.Functional>) outcome).value().criteria().text();
            return OrganizationChangeEntity.of(branchId, "CRITERIA_CHANGED", old, branch.form.criteria, null, null,
                            OffsetDateTime.now(clock)).by(Actor.of(caller)).persist()
                    .chain(() -> Panache.getSession().chain(s -> s.flush()))
                    .chain(() -> affiliations.recheck(branch))
                    .map(recheck -> new CriteriaChange(BranchFormView.of(branch.kind, branch.form), recheck.ended()));
        });
    }

    public record CriteriaChange(BranchFormView form, List<UUID> endedAffiliationsOf) {
    }

    public record VillageView(UUID organizationId, String name, BigDecimal areaKm2, Integer households, long version) {
    }

    /** Records a village's area and households; the village is a general branch (园艺村党总支). */
    @WithTransaction
    public Uni<VillageView> describeVillage(Caller caller, UUID villageId, BigDecimal areaKm2, Integer households) {
        return structured(caller, villageId).chain(village -> {
            if (village.kind != OrganizationKind.GENERAL_BRANCH) {
                return Uni.createFrom().failure(Rejections.exception(BranchFormRule.NOT_A_VILLAGE.rejects(
                        village.name + " is a " + village.kind + "; a village is a general branch")));
            }
            if (areaKm2 != null && areaKm2.compareTo(BigDecimal.ZERO) <= 0) {
                return Uni.createFrom().failure(Rejections.exception(BranchFormRule.VILLAGE_AREA_NOT_POSITIVE.rejects(
                        areaKm2.toPlainString() + " km² is not an area")));
            }
            // The village's row is locked first: two first descriptions at once both found no
            // profile and both inserted one (a duplicate key, 500); now the second waits and updates.
            return OrganizationEntity.<OrganizationEntity>findById(villageId, LockModeType.PESSIMISTIC_WRITE)
                    .chain(() -> VillageProfileEntity.<VillageProfileEntity>findById(villageId)).chain(existing -> {
                VillageProfileEntity profile = existing != null ? existing : new VillageProfileEntity();
                profile.organizationId = villageId;
                profile.areaKm2 = areaKm2;
                profile.households = households;
                return (existing != null ? Uni.createFrom().item(profile) : profile.<VillageProfileEntity>persist())
                        .chain(() -> Panache.getSession().chain(s -> s.flush()))
                        .map(ignored -> new VillageView(villageId, village.name, profile.areaKm2, profile.households,
                                profile.version));
            });
        });
    }

    public record GridFlagView(String rule, UUID organizationId, String detail) {
    }

    public record GridView(UUID organizationId, String name, int gridNumber, BigDecimal areaKm2, long members,
                           Integer households) {
    }

    /** {@code gridHouseholds}: the grids' counts added up; {@code villageHouseholds}: the village's own. */
    public record GridReportView(UUID villageId, String name, int grids, List<GridView> gridList,
                                 List<Integer> missingNumbers, BigDecimal gridAreaKm2, BigDecimal villageAreaKm2,
                                 BigDecimal uncoveredAreaKm2, int gridHouseholds, Integer villageHouseholds,
                                 List<GridFlagView> flags) {
    }

    /** The grid checks of a village: its active grid branches, their numbers, areas and members. */
    @WithSession
    public Uni<GridReportView> gridCheck(Caller caller, UUID villageId) {
        return load(villageId)
                .call(village -> access.toOrganization(caller, Permission.READ_SUBTREE, village.place()))
                .chain(village -> VillageProfileEntity.<VillageProfileEntity>findById(villageId)
                .chain(profile -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "select o.id, o.name, o.grid_number, o.area_km2, "
                                        + "(select count(*) from member m where m.home_organization_id = o.id and m.left_on is null), "
                                        + "o.grid_households "
                                        + "from organization o where o.village_organization_id = ?1 and o.form = 'GRID' "
                                        + "and o.dissolved_on is null order by o.grid_number, o.id", Object[].class)
                        .setParameter(1, villageId).getResultList())
                        .map(rows -> {
                            List<GridCheck.GridFacts> grids = rows.stream().map(r -> new GridCheck.GridFacts(
                                    UUID.fromString(r[0].toString()), (String) r[1], ((Number) r[2]).intValue(),
                                    new BigDecimal(r[3].toString()), ((Number) r[4]).longValue())).toList();
                            List<Integer> gridHouseholds = rows.stream()
                                    .map(r -> r[5] == null ? null : ((Number) r[5]).intValue()).toList();
                            GridCheck.Report report = GridCheck.check(
                                    Optional.ofNullable(profile).map(p -> p.areaKm2), grids);
                            GridCheck.Households households = GridCheck.households(
                                    Optional.ofNullable(profile).map(p -> p.households),
                                    gridHouseholds.stream().map(Optional::ofNullable).toList());
                            List<GridFlagView> flags = new ArrayList<>();
                            report.flags().forEach(f -> flags.add(new GridFlagView(f.rule().slug(), f.organizationId(), f.detail())));
                            households.flags().forEach(f -> flags.add(new GridFlagView(f.rule().slug(), f.organizationId(), f.detail())));
                            List<GridView> gridList = new ArrayList<>();
                            for (int i = 0; i < grids.size(); i++) {
                                GridCheck.GridFacts g = grids.get(i);
                                gridList.add(new GridView(g.organizationId(), g.name(), g.number(), g.areaKm2(),
                                        g.members(), gridHouseholds.get(i)));
                            }
                            return new GridReportView(villageId, village.name, report.grids(), gridList,
                                    report.missingNumbers(), report.gridAreaKm2(),
                                    report.villageAreaKm2().orElse(null), report.uncoveredAreaKm2().orElse(null),
                                    households.inGrids(), households.village().orElse(null), flags);
                        })));
    }

    /** The organization, once the caller may restructure it. */
    private Uni<OrganizationEntity> structured(Caller caller, UUID id) {
        return load(id).call(organization -> access.toOrganization(caller, Permission.MANAGE_STRUCTURE,
                organization.place()));
    }

    private static Uni<OrganizationEntity> load(UUID id) {
        return OrganizationEntity.<OrganizationEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Organization", id));
    }
}
