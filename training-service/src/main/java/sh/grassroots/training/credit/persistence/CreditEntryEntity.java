package sh.grassroots.training.credit.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import sh.grassroots.training.credit.model.CreditEntry;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

@Entity
@Table(name = "credit_entry")
public class CreditEntryEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "study_year", nullable = false)
    public int studyYear;

    @Column(nullable = false)
    public BigDecimal hours;

    @Column(name = "session_id")
    public UUID sessionId;

    public UUID reverses;

    public String reason;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    public CreditEntry toModel() {
        return new CreditEntry(id, personId, studyYear, hours, sessionId, reverses, reason, recordedAt.toInstant());
    }

    public static CreditEntryEntity of(CreditEntry e) {
        CreditEntryEntity row = new CreditEntryEntity();
        row.id = e.id();
        row.personId = e.personId();
        row.studyYear = e.year();
        row.hours = e.hours();
        row.sessionId = e.sessionId();
        row.reverses = e.reverses();
        row.reason = e.reason();
        row.recordedAt = e.recordedAt().atOffset(ZoneOffset.UTC);
        return row;
    }
}
