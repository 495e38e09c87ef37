package sh.grassroots.org.conference.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import sh.grassroots.org.conference.model.Category;
import sh.grassroots.org.conference.model.Listing;
import sh.grassroots.org.conference.model.ListingKind;
import sh.grassroots.org.conference.model.ListingStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "conference_listing")
public class ListingEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "conference_id", nullable = false)
    public UUID conferenceId;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ListingKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public int quantity;

    @Column(nullable = false)
    public int remaining;

    @Column(name = "available_from", nullable = false)
    public LocalDate availableFrom;

    @Column(name = "available_until", nullable = false)
    public LocalDate availableUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ListingStatus status;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;

    public Listing toModel(String unitName) {
        return new Listing(id, kind, unitId, unitName, category, quantity, remaining, availableFrom, availableUntil, status);
    }

    /** Takes over what the model decided: the remainder and the status. */
    public void apply(Listing listing) {
        remaining = listing.remaining();
        status = listing.status();
    }
}
