package sh.grassroots.org.tree.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.events.OrganizationEvents;
import sh.grassroots.events.Topics;
import sh.grassroots.org.tree.model.Placement;
import sh.grassroots.org.tree.persistence.OrganizationEntity;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrganizationService {
    private final Outbox outbox;
    private final Clock clock;

    public OrganizationService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Saves the organization and its OrganizationCreated event in one transaction. */
    @WithTransaction
    public Uni<OrganizationView> create(CreateOrganization command) {
        Uni<Optional<Placement.Parent>> parent = command.parentId() == null
                ? Uni.createFrom().item(Optional.empty())
                : OrganizationEntity.<OrganizationEntity>findById(command.parentId())
                .onItem().ifNull().failWith(() -> new ProblemException(Problem.withErrors(422, "unknown-parent",
                        "Unknown parent organization", "No organization with id " + command.parentId(),
                        java.util.List.of(new Problem.FieldError("parentId", "no such organization")))))
                .map(p -> Optional.of(new Placement.Parent(p.kind, p.districtCode, p.dissolvedOn != null)));
        return parent.chain(p -> {
            Placement.Result result = Placement.decide(command.kind(), command.districtCode(), p);
            if (result instanceof Placement.Rejected rejected) {
                return Uni.createFrom().failure(new ProblemException(Problem.of(422,
                        "placement-" + rejected.rule().name().toLowerCase().replace('_', '-'),
                        "The organization cannot be placed there", rejected.detail())));
            }
            return persist(command);
        });
    }

    private Uni<OrganizationView> persist(CreateOrganization command) {
        OrganizationEntity entity = new OrganizationEntity();
        entity.id = UUID.randomUUID();
        entity.name = command.name().strip();
        entity.kind = command.kind();
        entity.districtCode = command.districtCode();
        entity.parentId = command.parentId();
        entity.foundedOn = command.foundedOn();
        entity.documentNumber = command.documentNumber();
        entity.createdAt = OffsetDateTime.now(clock);
        var payload = new OrganizationEvents.OrganizationCreated(entity.id, entity.name, entity.kind.name(),
                entity.districtCode, entity.parentId, entity.foundedOn);
        var event = outbox.envelope(OrganizationEvents.CREATED, OrganizationEvents.CREATED_VERSION,
                entity.id.toString(), entity.districtCode, payload);
        return entity.<OrganizationEntity>persist()
                .chain(saved -> outbox.record(Topics.ORG_ORGANIZATION, event))
                .replaceWith(() -> OrganizationView.of(entity));
    }

    @WithSession
    public Uni<OrganizationView> get(UUID id) {
        return OrganizationEntity.<OrganizationEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Organization", id))
                .map(OrganizationView::of);
    }
}
