package sh.grassroots.stations.organization.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sh.grassroots.events.OrganizationEvents.OrganizationCreated;
import sh.grassroots.platform.outbox.Inbox;
import sh.grassroots.stations.organization.persistence.KnownOrganizationEntity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * Keeps stations' copy of the organization tree's shape ({@code known_organization}) from
 * org-service's events, each event applied once (its own inbox consumer, apart from the
 * cancellation of a dissolved organization's bookings, so that a replay of the topic rebuilds the
 * tree without cancelling anything twice). Only an organization's own row changes: where a
 * subtree sits follows from the parent links when a place is asked for.
 */
@ApplicationScoped
public class OrganizationTree {
    static final String CONSUMER = "service-station-service.organization-tree";
    private static final Logger LOG = Logger.getLogger(OrganizationTree.class);

    private final Inbox inbox;
    private final Clock clock;

    public OrganizationTree(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    /** An organization announced twice (under two event ids) is stored once, as first announced. */
    @WithTransaction
    public Uni<Boolean> onCreated(UUID eventId, OrganizationCreated created) {
        return inbox.once(CONSUMER, eventId, () -> KnownOrganizationEntity.<KnownOrganizationEntity>findById(
                created.organizationId()).chain(known -> {
            if (known != null) {
                LOG.infof("Organization %s is already known; event %s changes nothing", created.organizationId(), eventId);
                return Uni.createFrom().voidItem();
            }
            KnownOrganizationEntity row = new KnownOrganizationEntity();
            row.id = created.organizationId();
            row.parentId = created.parentId();
            row.districtCode = created.districtCode();
            row.name = created.name();
            row.kind = created.kind();
            row.updatedAt = OffsetDateTime.now(clock);
            return row.persist().replaceWithVoid();
        }));
    }

    @WithTransaction
    public Uni<Boolean> onMoved(UUID eventId, UUID organizationId, UUID newParentId) {
        return inbox.once(CONSUMER, eventId, () -> KnownOrganizationEntity.<KnownOrganizationEntity>findById(organizationId)
                .chain(known -> {
                    if (known == null) {
                        LOG.warnf("Move of organization %s, which stations has not heard of, ignored (event %s)",
                                organizationId, eventId);
                        return Uni.createFrom().voidItem();
                    }
                    if (!Objects.equals(known.parentId, newParentId)) {
                        known.parentId = newParentId;
                        known.updatedAt = OffsetDateTime.now(clock);
                    }
                    return Uni.createFrom().voidItem();
                }));
    }

    /** Runs in the caller's transaction (the dissolution's). */
    Uni<Boolean> markDissolved(UUID eventId, UUID organizationId, LocalDate dissolvedOn) {
        return inbox.once(CONSUMER, eventId, () -> KnownOrganizationEntity.<KnownOrganizationEntity>findById(organizationId)
                .chain(known -> {
                    if (known != null && known.dissolvedOn == null) {
                        known.dissolvedOn = dissolvedOn != null ? dissolvedOn : LocalDate.now(clock);
                        known.updatedAt = OffsetDateTime.now(clock);
                    }
                    return Uni.createFrom().voidItem();
                }));
    }
}
