package sh.grassroots.org.tree.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import sh.grassroots.org.common.model.Actor;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of an organization's history; written in the transaction that makes the change. */
@Entity
@Table(name = "organization_change")
public class OrganizationChangeEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(nullable = false)
    public String change;

    @Column(name = "from_value")
    public String fromValue;

    @Column(name = "to_value")
    public String toValue;

    @Column(name = "effective_on")
    public LocalDate effectiveOn;

    @Column(name = "document_number")
    public String documentNumber;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "actor_subject")
    public String actorSubject;

    @Column(name = "actor_kind")
    public String actorKind;

    public static OrganizationChangeEntity of(UUID organizationId, String change, String fromValue, String toValue,
                                              LocalDate effectiveOn, String documentNumber, OffsetDateTime occurredAt) {
        OrganizationChangeEntity row = new OrganizationChangeEntity();
        row.organizationId = organizationId;
        row.change = change;
        row.fromValue = fromValue;
        row.toValue = toValue;
        row.effectiveOn = effectiveOn;
        row.documentNumber = documentNumber;
        row.occurredAt = occurredAt;
        return row;
    }

    /** Who made the change. */
    public OrganizationChangeEntity by(Actor actor) {
        actorSubject = actor.subject();
        actorKind = actor.kind();
        return this;
    }

    public Actor actor() {
        return Actor.stored(actorSubject, actorKind);
    }
}
