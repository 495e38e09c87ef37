package sh.grassroots.training.enrolment.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import sh.grassroots.training.enrolment.model.Admission;
import sh.grassroots.training.enrolment.model.Cancellation;
import sh.grassroots.training.enrolment.model.EnrolmentStatus;
import sh.grassroots.training.enrolment.persistence.EnrolmentEntity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * @param waitlistPlace 1 for the next person to be offered a seat; only while WAITLISTED
 * @param cancelledBy   LEARNER, ORGANIZER or SYSTEM (training reacting to the organization); only when CANCELLED
 * @param memberOf      in a session's enrolment list: HOME when the person's home is in the organizations
 *                      the list is read for, AFFILIATE when only a branch they are affiliated to is; absent
 *                      elsewhere and for people in neither (a unit's staff, a course open to all)
 */
public record EnrolmentView(UUID id, UUID sessionId, UUID personId, EnrolmentStatus status, long position,
                            Integer waitlistPlace, OffsetDateTime enrolledAt, OffsetDateTime offerExpiresAt,
                            OffsetDateTime closedAt, String closeReason, Cancellation.By cancelledBy,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Admission memberOf) {

    static EnrolmentView of(EnrolmentEntity e, Integer waitlistPlace) {
        return new EnrolmentView(e.id, e.sessionId, e.personId, e.status, e.position,
                e.status == EnrolmentStatus.WAITLISTED ? waitlistPlace : null, e.enrolledAt,
                e.status == EnrolmentStatus.OFFERED ? e.offerExpiresAt : null, e.closedAt, e.closeReason,
                e.cancelledBy, null);
    }

    EnrolmentView memberOf(Admission admission) {
        return new EnrolmentView(id, sessionId, personId, status, position, waitlistPlace, enrolledAt, offerExpiresAt,
                closedAt, closeReason, cancelledBy, admission);
    }
}
