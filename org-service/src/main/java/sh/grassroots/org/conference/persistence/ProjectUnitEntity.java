package sh.grassroots.org.conference.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A unit taking part in a project. */
@Entity
@Table(name = "conference_project_unit")
@IdClass(ProjectUnitEntity.Key.class)
public class ProjectUnitEntity extends PanacheEntityBase {
    @Id
    @Column(name = "project_id")
    public UUID projectId;

    @Id
    @Column(name = "unit_id")
    public UUID unitId;

    public static class Key implements Serializable {
        public UUID projectId;
        public UUID unitId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(projectId, k.projectId) && Objects.equals(unitId, k.unitId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, unitId);
        }
    }
}
