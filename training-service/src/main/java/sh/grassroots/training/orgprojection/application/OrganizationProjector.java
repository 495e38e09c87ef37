package sh.grassroots.training.orgprojection.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sh.grassroots.events.EventEnvelope;
import sh.grassroots.events.OrganizationEvents.OrganizationCreated;
import sh.grassroots.platform.outbox.Inbox;
import sh.grassroots.training.enrolment.application.CancelEnrolment;
import sh.grassroots.training.session.application.CloseSession;
import sh.grassroots.training.learner.persistence.LearnerEntity;
import sh.grassroots.training.orgprojection.model.OrganizationSnapshot;
import sh.grassroots.training.orgprojection.model.ProjectionUpdate;
import sh.grassroots.training.orgprojection.persistence.KnownOrganizationEntity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Applies org-service's organization events to training's projection, each event at most once. */
@ApplicationScoped
public class OrganizationProjector {
    static final String CONSUMER = "training.org-projection";
    private static final Logger LOG = Logger.getLogger(OrganizationProjector.class);

    private final Inbox inbox;
    private final CancelEnrolment enrolments;
    private final CloseSession sessions;
    private final Clock clock;

    public OrganizationProjector(Inbox inbox, CancelEnrolment enrolments, CloseSession sessions, Clock clock) {
        this.sessions = sessions;
        this.inbox = inbox;
        this.enrolments = enrolments;
        this.clock = clock;
    }

    public Uni<Boolean> onCreated(EventEnvelope<OrganizationCreated> event) {
        OrganizationCreated p = event.payload();
        OrganizationSnapshot announced = new OrganizationSnapshot(p.organizationId(), p.name(), p.kind(),
                p.districtCode(), p.parentId(), p.foundedOn());
        return Panache.withTransaction(() -> inbox.once(CONSUMER, event.eventId(), () ->
                KnownOrganizationEntity.<KnownOrganizationEntity>findById(announced.id())
                        .chain(known -> {
                            ProjectionUpdate.Decision decision = ProjectionUpdate.created(
                                    Optional.ofNullable(known).map(KnownOrganizationEntity::snapshot), announced);
                            if (decision instanceof ProjectionUpdate.Store store) {
                                return KnownOrganizationEntity.of(store.snapshot(), OffsetDateTime.now(clock))
                                        .persist().replaceWithVoid();
                            }
                            LOG.infof("Event %s ignored: %s", event.eventId(), ((ProjectionUpdate.Ignore) decision).reason());
                            return Uni.createFrom().voidItem();
                        })));
    }

    /** Only the moved organization's parent changes; subtree rules follow from the recursive lookup. */
    public Uni<Boolean> onMoved(UUID eventId, UUID organizationId, UUID newParentId) {
        return Panache.withTransaction(() -> inbox.once(CONSUMER, eventId, () ->
                KnownOrganizationEntity.<KnownOrganizationEntity>findById(organizationId).chain(known -> {
                    ProjectionUpdate.Decision decision = ProjectionUpdate.moved(
                            Optional.ofNullable(known).map(KnownOrganizationEntity::snapshot), newParentId);
                    if (decision instanceof ProjectionUpdate.Store store) {
                        known.parentId = store.snapshot().parentId();
                        known.updatedAt = OffsetDateTime.now(clock);
                        return Panache.getSession().chain(s -> s.flush());
                    }
                    LOG.infof("Event %s ignored: %s", eventId, ((ProjectionUpdate.Ignore) decision).reason());
                    return Uni.createFrom().voidItem();
                })));
    }

    /**
     * A dissolved organization's sessions not yet held are cancelled (it provides them: nobody will
     * hold them), and its members lose their enrolments in other sessions not yet held (each
     * cancellation is an event, each freed seat goes to the waitlist), in the same transaction as
     * the projection change. Its affiliates' enrolments are looked at when org-service ends their
     * affiliations (AffiliationEnded, BRANCH_DISSOLVED).
     */
    public Uni<Boolean> onDissolved(UUID eventId, UUID organizationId, LocalDate dissolvedOn) {
        String why = "the member's organization was dissolved on " + dissolvedOn;
        return Panache.withTransaction(() -> inbox.once(CONSUMER, eventId, () ->
                KnownOrganizationEntity.<KnownOrganizationEntity>findById(organizationId)
                        .chain(known -> {
                            if (known == null) {
                                return Uni.createFrom().voidItem();
                            }
                            known.dissolvedOn = dissolvedOn;
                            known.updatedAt = OffsetDateTime.now(clock);
                            return Panache.getSession().chain(s -> s.flush());
                        })
                        .chain(() -> sessions.cancelFutureSessionsOfProvider(organizationId,
                                "the organization providing the session was dissolved on " + dissolvedOn))
                        .invoke(n -> LOG.infof("%d future sessions of dissolved organization %s cancelled", n, organizationId))
                        .chain(() -> LearnerEntity.<LearnerEntity>list(
                                "homeOrganizationId = ?1 and leftOn is null order by personId", organizationId))
                        .chain(members -> {
                            Uni<Integer> chain = Uni.createFrom().item(0);
                            for (LearnerEntity member : members) {
                                chain = chain.chain(n -> enrolments.cancelFutureEnrolmentsOf(member.personId, why)
                                        .map(cancelled -> n + cancelled));
                            }
                            return chain.invoke(n -> LOG.infof("%d future enrolments cancelled: %s", n, why))
                                    .replaceWithVoid();
                        })));
    }
}
