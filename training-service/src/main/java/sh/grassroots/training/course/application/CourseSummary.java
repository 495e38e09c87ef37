package sh.grassroots.training.course.application;

import sh.grassroots.training.course.model.CourseKind;
import sh.grassroots.training.course.model.ProviderKind;

import java.math.BigDecimal;
import java.util.UUID;

/** What other features need of a course (its sessions' events, credit hours), without its eligibility rows. */
public record CourseSummary(UUID id, String title, CourseKind kind, ProviderKind providerKind, UUID providerId,
                            BigDecimal creditHours) {
}
