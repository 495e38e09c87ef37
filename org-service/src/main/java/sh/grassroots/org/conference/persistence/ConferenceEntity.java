package sh.grassroots.org.conference.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "conference")
public class ConferenceEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    /** Orders and pages the conferences; set by the database, so null until reloaded. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String name;

    @Column(name = "host_district", nullable = false, columnDefinition = "bpchar(6)")
    public String hostDistrict;

    @Column(name = "founded_on", nullable = false)
    public LocalDate foundedOn;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
