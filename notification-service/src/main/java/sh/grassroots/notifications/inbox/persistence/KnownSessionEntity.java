package sh.grassroots.notifications.inbox.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "known_session")
public class KnownSessionEntity extends PanacheEntityBase {
    @Id
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "course_title")
    public String courseTitle;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
}
