package sh.grassroots.org.tree.application;

import sh.grassroots.platform.web.ETags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import sh.grassroots.events.OrganizationEvents;
import sh.grassroots.org.access.application.Access;
import sh.grassroots.org.access.model.OrgAccessPolicy;
import sh.grassroots.events.Topics;
import sh.grassroots.org.affiliation.application.AffiliationService;
import sh.grassroots.org.affiliation.model.EndReason;
import sh.grassroots.org.branch.application.BranchFormService;
import sh.grassroots.org.branch.persistence.BranchFormColumns;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.org.common.model.Actor;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.org.tree.model.ActiveOrganization;
import sh.grassroots.org.tree.model.District;
import sh.grassroots.org.tree.model.Organization;
import sh.grassroots.org.tree.model.Placement;
import sh.grassroots.org.tree.model.TreeChange;
import sh.grassroots.org.tree.model.TreePath;
import sh.grassroots.org.tree.model.TreeRule;
import sh.grassroots.org.tree.persistence.OrganizationChangeEntity;
import sh.grassroots.org.tree.persistence.OrganizationEntity;
import sh.grassroots.org.tree.persistence.TreeStore;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Permission;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.platform.web.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrganizationService {
    private final Outbox outbox;
    private final Clock clock;
    private final TreeStore tree;
    private final BranchFormService forms;
    private final AffiliationService affiliations;
    private final Access access;

    public OrganizationService(Outbox outbox, Clock clock, TreeStore tree, BranchFormService forms,
                               AffiliationService affiliations, Access access) {
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
        this.tree = tree;
        this.forms = forms;
        this.affiliations = affiliations;
    }

    /**
     * Saves the organization and its OrganizationCreated event in one transaction. Below a parent
     * the caller needs MANAGE_STRUCTURE there; a new top-level organization is for the district's
     * admin. An unknown parent is the 422 below, not a refusal.
     */
    @WithTransaction
    public Uni<OrganizationView> create(Caller caller, CreateOrganization command) {
        return tree.lockDistrictShared(command.districtCode())
                .chain(() -> command.parentId() == null
                        ? Access.checkCaller(caller, scope -> OrgAccessPolicy.wholeDistrict(scope, command.districtCode()))
                        : access.toReferencedOrganization(caller, command.parentId(), Permission.MANAGE_STRUCTURE))
                .chain(() -> command.parentId() == null
                        ? Uni.createFrom().item(Optional.<OrganizationEntity>empty())
                        : OrganizationEntity.<OrganizationEntity>findById(command.parentId())
                        .onItem().ifNull().failWith(() -> unknownParent(command.parentId()))
                        .map(Optional::of))
                .chain(parent -> {
                    Outcome<District> placement = Placement.decide(command.kind(), command.districtCode(),
                            parent.map(p -> p.toModel().asParent()));
                    if (placement instanceof Outcome.Rejected<District> rejected) {
                        return Uni.createFrom().failure(Rejections.exception(rejected.rejection()));
                    }
                    return forms.prepare(command.form(), command.kind(), parent)
                            .chain(form -> persist(caller, command, parent.map(p -> new TreePath(p.path)), form));
                });
    }

    private Uni<OrganizationView> persist(Caller caller, CreateOrganization command, Optional<TreePath> parentPath,
                                          BranchFormColumns form) {
        OrganizationEntity entity = new OrganizationEntity();
        entity.id = UUID.randomUUID();
        entity.name = command.name().strip();
        entity.kind = command.kind();
        entity.districtCode = command.districtCode();
        entity.parentId = command.parentId();
        entity.path = parentPath.map(p -> p.child(entity.id)).orElseGet(() -> TreePath.root(entity.id)).value();
        entity.foundedOn = command.foundedOn();
        entity.documentNumber = command.documentNumber();
        entity.createdAt = OffsetDateTime.now(clock);
        entity.form = form;
        var payload = new OrganizationEvents.OrganizationCreated(entity.id, entity.name, entity.kind.name(),
                entity.districtCode, entity.parentId, entity.foundedOn);
        var event = outbox.envelope(OrganizationEvents.CREATED, OrganizationEvents.CREATED_VERSION,
                entity.id.toString(), entity.districtCode, payload);
        return entity.<OrganizationEntity>persist()
                .chain(saved -> OrganizationChangeEntity.of(entity.id, "CREATED", null, entity.name,
                        entity.foundedOn, entity.documentNumber, entity.createdAt).by(Actor.of(caller)).persist())
                .chain(() -> outbox.record(Topics.ORG_ORGANIZATION, event))
                .replaceWith(() -> OrganizationView.of(entity));
    }

    /** An organization's own card: any person. */
    @WithSession
    public Uni<OrganizationView> get(Caller caller, UUID id) {
        return Access.checkCaller(caller, OrgAccessPolicy::openRead).chain(() -> load(id)).map(OrganizationView::of);
    }

    @WithTransaction
    public Uni<OrganizationView> rename(Caller caller, UUID id, String newName, Long expectedVersion) {
        return loadForUpdate(id).call(entity -> access.toOrganization(caller, Permission.MANAGE_STRUCTURE, entity.place()))
                .chain(entity -> {
                    ETags.requireCurrent(expectedVersion, entity.version);
                    Outcome<TreeChange.Renamed> outcome = active(entity).rename(newName);
                    if (outcome instanceof Outcome.Rejected<TreeChange.Renamed> refused) {
                        return Uni.createFrom().failure(Rejections.exception(refused.rejection()));
                    }
                    TreeChange.Renamed renamed = ((Outcome.Done<TreeChange.Renamed>) outcome).value();
                    entity.name = renamed.newName();
                    var event = outbox.envelope(OrganizationEvents.RENAMED, OrganizationEvents.RENAMED_VERSION,
                            id.toString(), entity.districtCode,
                            new OrganizationEvents.OrganizationRenamed(id, renamed.oldName(), renamed.newName()));
                    return log(OrganizationChangeEntity.of(id, "RENAMED", renamed.oldName(), renamed.newName(),
                            null, null, OffsetDateTime.now(clock)).by(Actor.of(caller)))
                            .chain(() -> outbox.record(Topics.ORG_ORGANIZATION, event))
                            .chain(() -> flushed(entity));
                });
    }

    /**
     * Re-parents an organization with its whole subtree. Holds the district's tree lock, so the
     * cycle check sees every move that committed before it and none can cross it. The caller
     * needs MANAGE_STRUCTURE at both ends: the organization and its new parent (to the top: the
     * district's admin).
     */
    @WithTransaction
    public Uni<OrganizationView> move(Caller caller, UUID id, UUID newParentId, Long expectedVersion) {
        return loadLocked(id)
                .call(entity -> access.toOrganization(caller, Permission.MANAGE_STRUCTURE, entity.place()))
                .call(entity -> newParentId == null
                        ? Access.checkCaller(caller, scope -> OrgAccessPolicy.wholeDistrict(scope, entity.districtCode.trim()))
                        : access.toReferencedOrganization(caller, newParentId, Permission.MANAGE_STRUCTURE))
                .chain(entity -> {
                    ETags.requireCurrent(expectedVersion, entity.version);
                    return loadNewParent(newParentId).chain(newParent -> {
                        Outcome<TreeChange.Moved> outcome = active(entity).moveUnder(newParent);
                        if (outcome instanceof Outcome.Rejected<TreeChange.Moved> refused) {
                            return Uni.createFrom().failure(Rejections.exception(refused.rejection()));
                        }
                        return apply(caller, entity, ((Outcome.Done<TreeChange.Moved>) outcome).value());
                    });
                });
    }

    private Uni<Optional<Organization>> loadNewParent(UUID newParentId) {
        if (newParentId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return OrganizationEntity.<OrganizationEntity>findById(newParentId)
                .onItem().ifNull().failWith(() -> unknownParent(newParentId))
                .map(parent -> Optional.of(parent.toModel()));
    }

    private Uni<OrganizationView> apply(Caller caller, OrganizationEntity entity, TreeChange.Moved moved) {
        entity.parentId = moved.newParentId().orElse(null);
        entity.path = moved.newPath().value();
        var event = outbox.envelope(OrganizationEvents.MOVED, OrganizationEvents.MOVED_VERSION,
                entity.id.toString(), entity.districtCode, new OrganizationEvents.OrganizationMoved(
                        entity.id, moved.oldParentId().orElse(null), moved.newParentId().orElse(null)));
        return tree.rebase(moved.oldPath(), moved.newPath())
                .chain(() -> log(OrganizationChangeEntity.of(entity.id, "MOVED",
                        moved.oldParentId().map(UUID::toString).orElse(null),
                        moved.newParentId().map(UUID::toString).orElse(null), null, null, OffsetDateTime.now(clock))
                        .by(Actor.of(caller))))
                .chain(() -> outbox.record(Topics.ORG_ORGANIZATION, event))
                .chain(() -> flushed(entity));
    }

    @WithTransaction
    public Uni<OrganizationView> dissolve(Caller caller, UUID id, LocalDate on, String documentNumber,
                                          Long expectedVersion) {
        return loadLocked(id)
                .call(entity -> access.toOrganization(caller, Permission.MANAGE_STRUCTURE, entity.place()))
                .chain(entity -> {
                    ETags.requireCurrent(expectedVersion, entity.version);
                    ActiveOrganization organization = active(entity);
                    return tree.activeChildren(id).chain(children -> tree.activeMembersAt(id).chain(members -> {
                        Outcome<TreeChange.Dissolved> outcome = organization.dissolve(on, documentNumber,
                                LocalDate.now(clock), children, members);
                        if (outcome instanceof Outcome.Rejected<TreeChange.Dissolved> refused) {
                            return Uni.createFrom().failure(Rejections.exception(refused.rejection()));
                        }
                        TreeChange.Dissolved dissolved = ((Outcome.Done<TreeChange.Dissolved>) outcome).value();
                        var event = outbox.envelope(OrganizationEvents.DISSOLVED, OrganizationEvents.DISSOLVED_VERSION,
                                id.toString(), entity.districtCode, new OrganizationEvents.OrganizationDissolved(
                                        id, dissolved.dissolvedOn(), dissolved.documentNumber()));
                        // Affiliations with a functional or temporary branch end with it, before the row
                        // is marked dissolved (the database refuses a dissolved branch with active ones).
                        return affiliations.endAllAt(id, dissolved.dissolvedOn(), EndReason.BRANCH_DISSOLVED)
                                .invoke(() -> entity.dissolvedOn = dissolved.dissolvedOn())
                                .chain(() -> log(OrganizationChangeEntity.of(id, "DISSOLVED", null, null, dissolved.dissolvedOn(),
                                dissolved.documentNumber(), OffsetDateTime.now(clock)).by(Actor.of(caller))))
                                .chain(() -> outbox.record(Topics.ORG_ORGANIZATION, event))
                                .chain(() -> flushed(entity));
                    }));
                });
    }

    /**
     * Loads the organization after taking its district's tree lock, so that what is read (its
     * path, its children) cannot change before the transaction ends.
     */
    private Uni<OrganizationEntity> loadLocked(UUID id) {
        return tree.districtOf(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Organization", id))
                .call(tree::lockDistrictExclusively)
                .chain(district -> load(id));
    }

    private static Uni<Void> log(OrganizationChangeEntity change) {
        return change.persist().replaceWithVoid();
    }

    /** Flushes first so that the view shows the version the client must send with its next If-Match. */
    private static Uni<OrganizationView> flushed(OrganizationEntity entity) {
        return Panache.getSession().chain(session -> session.flush()).map(ignored -> OrganizationView.of(entity));
    }

    private static ActiveOrganization active(OrganizationEntity entity) {
        Organization organization = entity.toModel();
        if (organization instanceof ActiveOrganization active) {
            return active;
        }
        throw Rejections.exception(TreeRule.ORGANIZATION_DISSOLVED.rejects(
                entity.name + " was dissolved on " + entity.dissolvedOn + " and can no longer be changed"));
    }

    /**
     * The organization, its row locked for this transaction. Two renames of one organization at
     * once each took a key-share lock on the row (the history row's foreign key) and then waited
     * for the other to upgrade it: a deadlock (40P01), answered 500. Locked first, the second
     * waits for the first and then sees its name.
     */
    private static Uni<OrganizationEntity> loadForUpdate(UUID id) {
        return OrganizationEntity.<OrganizationEntity>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Organization", id));
    }

    static Uni<OrganizationEntity> load(UUID id) {
        return OrganizationEntity.<OrganizationEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Organization", id));
    }

    private static ProblemException unknownParent(UUID parentId) {
        return Rejections.exception(TreeRule.UNKNOWN_PARENT.rejects("No organization with id " + parentId),
                "parentId", "no such organization");
    }
}
