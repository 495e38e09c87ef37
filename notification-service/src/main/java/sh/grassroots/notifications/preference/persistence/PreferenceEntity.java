package sh.grassroots.notifications.preference.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

@Entity
@Table(name = "notification_preference")
public class PreferenceEntity extends PanacheEntityBase {
    @Id
    @Column(name = "person_id")
    public String personId;
    /** Sealed by PersonalDataProtector; never in clear. */
    @Column(name = "email_sealed")
    public String emailSealed;
    /** JSON: kind → channels the person chose. */
    public String channels;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
