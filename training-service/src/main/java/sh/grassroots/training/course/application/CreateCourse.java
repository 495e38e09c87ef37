package sh.grassroots.training.course.application;

import sh.grassroots.training.course.model.CourseKind;
import sh.grassroots.training.course.model.ProviderKind;
import sh.grassroots.training.session.model.Eligibility;

import java.math.BigDecimal;
import java.util.UUID;

public record CreateCourse(String title, CourseKind kind, ProviderKind providerKind, UUID providerId,
                           BigDecimal creditHours, String description, Eligibility eligibility) {
}
