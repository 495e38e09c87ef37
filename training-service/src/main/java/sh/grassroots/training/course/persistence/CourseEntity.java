package sh.grassroots.training.course.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import sh.grassroots.training.course.model.CourseKind;
import sh.grassroots.training.course.model.ProviderKind;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "course")
public class CourseEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CourseKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "provider_kind", nullable = false)
    public ProviderKind providerKind;

    @Column(name = "provider_id", nullable = false)
    public UUID providerId;

    @Column(name = "credit_hours", nullable = false)
    public BigDecimal creditHours;

    public String description;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    @Column(nullable = false)
    public long version;
}
