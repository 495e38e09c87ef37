package sh.grassroots.org.branch.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sh.grassroots.events.OrganizationEvents;
import sh.grassroots.events.Topics;
import sh.grassroots.org.affiliation.application.AffiliationService;
import sh.grassroots.org.affiliation.model.EndReason;
import sh.grassroots.org.branch.model.BranchForm;
import sh.grassroots.org.branch.persistence.BranchFormColumns;
import sh.grassroots.org.common.model.Actor;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.org.tree.model.ActiveOrganization;
import sh.grassroots.org.tree.model.Organization;
import sh.grassroots.org.tree.model.TreeChange;
import sh.grassroots.org.tree.persistence.OrganizationChangeEntity;
import sh.grassroots.org.tree.persistence.OrganizationEntity;
import sh.grassroots.org.tree.persistence.TreeStore;
import sh.grassroots.platform.outbox.Outbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Temporary branches whose planned end has passed: their affiliations end (PLANNED_END_REACHED)
 * and, when nobody has it as home and nothing stands below it, the branch is dissolved as of its
 * planned end. One transaction per branch.
 *
 * <p>Safe with several replicas: each branch is handled under its district's exclusive tree lock
 * (the lock a dissolution takes, taken in the same order, so no deadlock with one) and re-checked
 * with {@code FOR UPDATE SKIP LOCKED} under it, so a branch another replica already closed is
 * seen as closed and skipped.
 */
@ApplicationScoped
public class TemporaryBranchClosing {
    private static final Logger LOG = Logger.getLogger(TemporaryBranchClosing.class);
    /** How the branches it dissolves name who acted in their history. */
    static final String JOB = "temporary-branch-closing";
    private static final int BATCH = 100;
    private static final String DUE = "form = 'TEMPORARY' and dissolved_on is null and planned_end_on < ?1 "
            + "and (exists (select 1 from affiliation a where a.organization_id = o.id and a.ended_on is null) "
            + "or (not exists (select 1 from member m where m.home_organization_id = o.id and m.left_on is null) "
            + "and not exists (select 1 from organization c where c.parent_id = o.id and c.dissolved_on is null)))";

    private final AffiliationService affiliations;
    private final TreeStore tree;
    private final Outbox outbox;
    private final Clock clock;

    public TemporaryBranchClosing(AffiliationService affiliations, TreeStore tree, Outbox outbox, Clock clock) {
        this.affiliations = affiliations;
        this.tree = tree;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(every = "${org.temporary-branches.check-every:10m}", delayed = "${org.temporary-branches.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "temporary-branch-closing")
    Uni<Void> tick() {
        return closeDue(LocalDate.now(clock))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("%d temporary branch(es) reached their planned end", n);
                    }
                })
                .onFailure().invoke(f -> LOG.warnf("Closing temporary branches failed, retried on the next tick: %s", f))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Closes the temporary branches due on {@code today}; the number closed. */
    public Uni<Integer> closeDue(LocalDate today) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "select o.id from organization o where " + DUE + " order by o.planned_end_on, o.id limit " + BATCH,
                                Object.class)
                        .setParameter(1, today).getResultList()))
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> Panache.withTransaction(
                                () -> closeOne(UUID.fromString(id.toString()), today)))
                        .collect().asList())
                .map(closed -> (int) closed.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> closeOne(UUID id, LocalDate today) {
        return tree.districtOf(id)
                .call(tree::lockDistrictExclusively)
                .chain(district -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "select o.id from organization o where o.id = ?2 and " + DUE + " for update of o skip locked",
                                Object.class)
                        .setParameter(1, today).setParameter(2, id).getResultList()))
                .chain(stillDue -> stillDue.isEmpty() ? Uni.createFrom().item(false)
                        : OrganizationEntity.<OrganizationEntity>findById(id).chain(branch -> close(branch, today)));
    }

    private Uni<Boolean> close(OrganizationEntity branch, LocalDate today) {
        Optional<BranchForm> form = BranchFormColumns.toModel(branch.form);
        if (form.isEmpty() || !(form.get() instanceof BranchForm.Temporary temporary)) {
            return Uni.createFrom().item(false);
        }
        LocalDate end = temporary.plannedEndOn();
        return affiliations.endAllAt(branch.id, end, EndReason.PLANNED_END_REACHED)
                .chain(() -> tree.activeChildren(branch.id))
                .chain(children -> tree.activeMembersAt(branch.id).chain(members -> {
                    Organization organization = branch.toModel();
                    LocalDate on = branch.foundedOn != null && branch.foundedOn.isAfter(end) ? branch.foundedOn : end;
                    Outcome<TreeChange.Dissolved> outcome = ((ActiveOrganization) organization)
                            .dissolve(on, null, today, children, members);
                    if (outcome instanceof Outcome.Rejected<TreeChange.Dissolved> refused) {
                        LOG.infof("Temporary branch %s reached its planned end but stays: %s", branch.id, refused.detail());
                        return Uni.createFrom().item(true);
                    }
                    TreeChange.Dissolved dissolved = ((Outcome.Done<TreeChange.Dissolved>) outcome).value();
                    branch.dissolvedOn = dissolved.dissolvedOn();
                    var event = outbox.envelope(OrganizationEvents.DISSOLVED, OrganizationEvents.DISSOLVED_VERSION,
                            branch.id.toString(), branch.districtCode, new OrganizationEvents.OrganizationDissolved(
                                    branch.id, dissolved.dissolvedOn(), null));
                    return OrganizationChangeEntity.of(branch.id, "DISSOLVED", null, "PLANNED_END_REACHED",
                                    dissolved.dissolvedOn(), null, OffsetDateTime.now(clock)).by(Actor.system(JOB)).persist()
                            .chain(() -> outbox.record(Topics.ORG_ORGANIZATION, event))
                            .chain(() -> Panache.getSession().chain(s -> s.flush()))
                            .replaceWith(true);
                }));
    }
}
