package sh.grassroots.training.enrolment.application;

import sh.grassroots.training.enrolment.model.Cancellation;
import sh.grassroots.training.enrolment.model.EnrolmentStatus;
import sh.grassroots.training.enrolment.persistence.EnrolmentEntity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * @param waitlistPlace 1 for the next person to be offered a seat; only while WAITLISTED
 * @param cancelledBy   LEARNER, ORGANIZER or SYSTEM (training reacting to the organization); only when CANCELLED
 */
public record EnrolmentView(UUID id, UUID sessionId, UUID personId, EnrolmentStatus status, long position,
                            Integer waitlistPlace, OffsetDateTime enrolledAt, OffsetDateTime offerExpiresAt,
                            OffsetDateTime closedAt, String closeReason, Cancellation.By cancelledBy) {

    static EnrolmentView of(EnrolmentEntity e, Integer waitlistPlace) {
        return new EnrolmentView(e.id, e.sessionId, e.personId, e.status, e.position,
                e.status == EnrolmentStatus.WAITLISTED ? waitlistPlace : null, e.enrolledAt,
                e.status == EnrolmentStatus.OFFERED ? e.offerExpiresAt : null, e.closedAt, e.closeReason,
                e.cancelledBy);
    }
}
