package sh.grassroots.training.orgprojection.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sh.grassroots.events.EventEnvelope;
import sh.grassroots.events.OrganizationEvents.OrganizationCreated;
import sh.grassroots.platform.outbox.Inbox;
import sh.grassroots.training.orgprojection.model.OrganizationSnapshot;
import sh.grassroots.training.orgprojection.model.ProjectionUpdate;
import sh.grassroots.training.orgprojection.persistence.KnownOrganizationEntity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Applies org-service's organization events to training's projection, each event at most once. */
@ApplicationScoped
public class OrganizationProjector {
    static final String CONSUMER = "training.org-projection";
    private static final Logger LOG = Logger.getLogger(OrganizationProjector.class);

    private final Inbox inbox;
    private final Clock clock;

    public OrganizationProjector(Inbox inbox, Clock clock) {
        this.inbox = inbox;
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
}
