package sh.grassroots.org.conference.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import sh.grassroots.org.conference.model.Project;
import sh.grassroots.org.conference.model.ProjectStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "conference_project")
public class ProjectEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "conference_id", nullable = false)
    public UUID conferenceId;

    @Column(nullable = false)
    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectStatus status;

    @Column(name = "proposed_on", nullable = false)
    public LocalDate proposedOn;

    @Column(name = "activated_on")
    public LocalDate activatedOn;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;

    public Project toModel() {
        return switch (status) {
            case PROPOSED -> new Project.Proposed(id, name, proposedOn);
            case ACTIVE -> new Project.Active(id, name, proposedOn, activatedOn);
            case CLOSED -> new Project.Closed(id, name, proposedOn, activatedOn, closedOn);
        };
    }

    public void apply(Project project) {
        status = project.status();
        if (project instanceof Project.Active active) {
            activatedOn = active.activatedOn();
        } else if (project instanceof Project.Closed closed) {
            activatedOn = closed.activatedOn();
            closedOn = closed.closedOn();
        }
    }
}
