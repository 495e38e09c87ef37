package sh.grassroots.org.affiliation.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "member_attribute")
@IdClass(MemberAttributeEntity.Key.class)
public class MemberAttributeEntity extends PanacheEntityBase {
    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Id
    @Column(name = "key")
    public String name;

    @Column(name = "value", nullable = false)
    public String text;

    public static MemberAttributeEntity of(UUID memberId, String name, String text) {
        MemberAttributeEntity row = new MemberAttributeEntity();
        row.memberId = memberId;
        row.name = name;
        row.text = text;
        return row;
    }

    public static class Key implements Serializable {
        public UUID memberId;
        public String name;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(memberId, k.memberId) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(memberId, name);
        }
    }
}
