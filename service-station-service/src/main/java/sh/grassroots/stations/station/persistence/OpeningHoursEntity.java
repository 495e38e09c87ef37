package sh.grassroots.stations.station.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalTime;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "station_opening_hours")
public class OpeningHoursEntity extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public LocalTime opens;

    @Column(nullable = false)
    public LocalTime closes;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "station_id", nullable = false)
        public UUID stationId;

        /** ISO weekday, 1 = Monday. */
        @Column(nullable = false)
        public short weekday;

        public Key() {
        }

        public Key(UUID stationId, short weekday) {
            this.stationId = stationId;
            this.weekday = weekday;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.weekday == weekday && Objects.equals(k.stationId, stationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(stationId, weekday);
        }
    }
}
