package sh.grassroots.stations.mediation.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import sh.grassroots.stations.access.model.Actor;
import sh.grassroots.stations.mediation.model.Outcome;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The mediation side of a booking: the parties and, after the session, its outcome. */
@Entity
@Table(name = "mediation")
public class MediationEntity extends PanacheEntityBase {
    @Id
    @Column(name = "booking_id")
    public UUID bookingId;

    @Column(nullable = false)
    public String site;

    @Column(name = "residents_secretary", nullable = false)
    public String residentsSecretary;

    @Column(name = "expropriation_officer", nullable = false)
    public String expropriationOfficer;

    @Column(nullable = false)
    public String lawyer;

    /** Each name sealed by PersonalData, like the phone. */
    @Column(name = "family_names", nullable = false)
    public String[] familyNames;

    /** Personal data, sealed: in clear to the station's managers only, never in an event. */
    @Column(name = "family_phone")
    public String familyPhone;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "outcome_summary")
    public String outcomeSummary;

    @Column(name = "outcome_recorded_at")
    public OffsetDateTime outcomeRecordedAt;

    @Column(name = "outcome_recorded_by_subject")
    public String outcomeRecordedBySubject;

    @Column(name = "outcome_recorded_by_kind")
    public String outcomeRecordedByKind;

    public Actor outcomeRecordedBy() {
        return Actor.stored(outcomeRecordedBySubject, outcomeRecordedByKind);
    }

    @Version
    public long version;
}
