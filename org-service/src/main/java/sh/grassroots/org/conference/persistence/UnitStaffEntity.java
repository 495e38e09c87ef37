package sh.grassroots.org.conference.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import sh.grassroots.org.common.model.Actor;

import java.time.LocalDate;
import java.util.UUID;

/** One registration of a member unit's staff as a learner; the phone only sealed and masked. */
@Entity
@Table(name = "conference_unit_staff")
public class UnitStaffEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "conference_id", nullable = false)
    public UUID conferenceId;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "party_member", nullable = false)
    public boolean partyMember;

    @Column(nullable = false)
    public String name;

    @Column(name = "phone_encrypted")
    public String phoneEncrypted;

    @Column(name = "phone_masked")
    public String phoneMasked;

    @Column(name = "phone_hash")
    public String phoneHash;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Column(name = "registered_by_subject", nullable = false)
    public String registeredBySubject;

    @Column(name = "registered_by_kind", nullable = false)
    public String registeredByKind;

    @Column(name = "left_by_subject")
    public String leftBySubject;

    @Column(name = "left_by_kind")
    public String leftByKind;

    @Version
    public long version;

    public Actor registeredBy() {
        return Actor.stored(registeredBySubject, registeredByKind);
    }

    public Actor leftBy() {
        return Actor.stored(leftBySubject, leftByKind);
    }
}
