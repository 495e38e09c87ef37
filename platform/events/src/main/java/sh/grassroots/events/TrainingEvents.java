package sh.grassroots.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Topics and payloads training-service publishes. */
public final class TrainingEvents {
    public static final String TOPIC_SESSION = Topics.TRAINING_SESSION;
    public static final String TOPIC_ENROLMENT = Topics.TRAINING_ENROLMENT;
    public static final String TOPIC_CREDIT = Topics.TRAINING_CREDIT;

    public static final String SESSION_SCHEDULED = "SessionScheduled";
    public static final String SESSION_CANCELLED = "SessionCancelled";
    public static final String NO_SHOW_RECORDED = "NoShowRecorded";
    public static final String ENROLMENT_CONFIRMED = "EnrolmentConfirmed";
    public static final String ENROLMENT_WAITLISTED = "EnrolmentWaitlisted";
    public static final String SEAT_OFFERED = "SeatOffered";
    public static final String ENROLMENT_PROMOTED = "EnrolmentPromoted";
    public static final String ENROLMENT_CANCELLED = "EnrolmentCancelled";
    public static final String SEAT_OFFER_EXPIRED = "SeatOfferExpired";
    public static final String ATTENDANCE_RECORDED = "AttendanceRecorded";
    public static final String CREDIT_HOURS_AWARDED = "CreditHoursAwarded";
    public static final String CREDIT_HOURS_REVERSED = "CreditHoursReversed";
    public static final int VERSION = 1;

    private TrainingEvents() {
    }

    public record SessionScheduled(UUID sessionId, UUID courseId, String courseTitle, String courseKind,
                                   OffsetDateTime startsAt, OffsetDateTime endsAt, String venueKind, String venue,
                                   UUID stationRoomId, int capacity) {
    }

    public record SessionCancelled(UUID sessionId, UUID courseId, UUID stationRoomId, String reason,
                                   int enrolmentsCancelled) {
    }

    /**
     * One payload for every change of an enrolment, the {@code type} says which. The aggregate is
     * the session, so that all seat changes of a session stay in order on one partition.
     */
    public record EnrolmentChanged(UUID enrolmentId, UUID sessionId, UUID personId, String status, long position,
                                   OffsetDateTime offerExpiresAt, String reason) {
    }

    /**
     * EnrolmentCancelled carries EnrolmentChanged's fields plus who cancelled (LEARNER, ORGANIZER,
     * SYSTEM) and their subject; the extra fields are additive, readers of EnrolmentChanged ignore them.
     */
    public record EnrolmentCancelled(UUID enrolmentId, UUID sessionId, UUID personId, String status, long position,
                                     OffsetDateTime offerExpiresAt, String reason, String cancelledBy,
                                     String cancelledBySubject) {
    }

    public record CreditHoursChanged(UUID entryId, UUID personId, int year, BigDecimal hours, UUID sessionId,
                                     UUID reverses, String reason) {
    }
}
