package sh.grassroots.org.member.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import sh.grassroots.org.member.model.ActiveMember;
import sh.grassroots.org.member.model.FormerMember;
import sh.grassroots.org.member.model.LeaveReason;
import sh.grassroots.org.member.model.Member;
import sh.grassroots.org.member.model.MemberStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "member")
public class MemberEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "home_organization_id", nullable = false)
    public UUID homeOrganizationId;

    @Column(name = "home_path", nullable = false)
    public String homePath;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberStatus status;

    @Column(name = "admitted_on", nullable = false)
    public LocalDate admittedOn;

    @Column(name = "full_since")
    public LocalDate fullSince;

    @Column(name = "id_number_encrypted", nullable = false)
    public String idNumberEncrypted;

    @Column(name = "id_number_hash", nullable = false)
    public String idNumberHash;

    @Column(name = "id_number_masked", nullable = false)
    public String idNumberMasked;

    @Column(name = "phone_encrypted")
    public String phoneEncrypted;

    @Column(name = "phone_masked")
    public String phoneMasked;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "leave_reason")
    public LeaveReason leaveReason;

    @Column(name = "registered_at", nullable = false)
    public OffsetDateTime registeredAt;

    @Version
    public long version;

    public Member toModel() {
        if (leftOn != null) {
            return new FormerMember(id, homeOrganizationId, status, admittedOn, leftOn, leaveReason);
        }
        return new ActiveMember(id, homeOrganizationId, status, admittedOn);
    }
}
