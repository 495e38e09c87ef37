package sh.grassroots.training.memberview.application;

import sh.grassroots.training.course.model.CourseKind;
import sh.grassroots.training.enrolment.model.EnrolmentStatus;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One line of "my sessions" on the phone: what, when, where, and where I stand; {@code cancelReason}
 * when the organizers or training took me out (CANCELLED), e.g. the providing branch was dissolved.
 */
public record MySession(UUID enrolmentId, EnrolmentStatus status, Integer waitlistPlace, OffsetDateTime offerExpiresAt,
                        UUID sessionId, String courseTitle, CourseKind courseKind, BigDecimal creditHours,
                        OffsetDateTime startsAt, OffsetDateTime endsAt, String venue, String cancelReason) {
}
