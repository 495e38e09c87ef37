package sh.grassroots.notifications.inbox.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A notification still to send (or sent) on an outbound channel; see delivery/. */
@Entity
@Table(name = "delivery")
public class DeliveryEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "notification_id")
    public UUID notificationId;
    public String channel;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "leased_until")
    public OffsetDateTime leasedUntil;
    public int attempts;
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
    @Column(name = "given_up_at")
    public OffsetDateTime givenUpAt;
    @Column(name = "last_error")
    public String lastError;
}
