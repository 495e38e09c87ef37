package sh.grassroots.training.course.application;

import sh.grassroots.training.course.model.CourseKind;
import sh.grassroots.training.course.model.ProviderKind;
import sh.grassroots.training.course.persistence.CourseEntity;
import sh.grassroots.training.session.model.Eligibility;
import sh.grassroots.training.enrolment.model.MemberStatus;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record CourseView(UUID id, String title, CourseKind kind, ProviderKind providerKind, UUID providerId,
                         BigDecimal creditHours, String description, EligibilityView eligibility,
                         OffsetDateTime createdAt, long version) {

    public record EligibilityView(List<UUID> subtreeRoots, List<MemberStatus> statuses, List<UUID> memberUnits,
                                  List<UUID> prerequisites) {
        static EligibilityView of(Eligibility e) {
            return new EligibilityView(e.subtreeRoots().stream().sorted().toList(),
                    e.statuses().stream().sorted().toList(), e.memberUnits().stream().sorted().toList(),
                    e.prerequisites().stream().sorted().toList());
        }
    }

    static CourseView of(CourseEntity c, Eligibility eligibility) {
        return new CourseView(c.id, c.title, c.kind, c.providerKind, c.providerId, c.creditHours, c.description,
                EligibilityView.of(eligibility), c.createdAt, c.version);
    }
}
