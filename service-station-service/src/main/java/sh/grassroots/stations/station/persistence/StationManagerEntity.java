package sh.grassroots.stations.station.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A person named manager of a station by the admin of its district, by their token subject. */
@Entity
@Table(name = "station_manager")
public class StationManagerEntity extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(name = "named_at", nullable = false)
    public OffsetDateTime namedAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "station_id", nullable = false)
        public UUID stationId;

        @Column(nullable = false)
        public String subject;

        public Key() {
        }

        public Key(UUID stationId, String subject) {
            this.stationId = stationId;
            this.subject = subject;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.stationId, stationId) && Objects.equals(k.subject, subject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(stationId, subject);
        }
    }
}
