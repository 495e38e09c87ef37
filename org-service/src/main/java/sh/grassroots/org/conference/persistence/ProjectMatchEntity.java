package sh.grassroots.org.conference.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** One accepted offer/need pair of a project and the quantity it consumed. */
@Entity
@Table(name = "conference_project_match")
public class ProjectMatchEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(name = "offer_id", nullable = false)
    public UUID offerId;

    @Column(name = "need_id", nullable = false)
    public UUID needId;

    @Column(nullable = false)
    public int quantity;
}
