package sh.grassroots.training.enrolment.model;

import sh.grassroots.platform.rules.Rejection;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When attendance may be recorded for an enrolment. */
public final class Attendance {
    /** People arrive early; check-in opens half an hour before the start. */
    public static final Duration CHECK_IN_OPENS_BEFORE_START = Duration.ofMinutes(30);

    private Attendance() {
    }

    public static Optional<Rejection> check(Optional<EnrolmentStatus> status, Instant now, Instant startsAt) {
        if (status.isEmpty() || !(status.get() == EnrolmentStatus.CONFIRMED || status.get() == EnrolmentStatus.ATTENDED)) {
            return Optional.of(new Rejection(EnrolmentRule.NOT_ENROLLED,
                    "Only people with a confirmed seat can be checked in"
                            + status.map(s -> "; this enrolment is " + s).orElse("")));
        }
        if (status.get() == EnrolmentStatus.ATTENDED) {
            return Optional.of(new Rejection(EnrolmentRule.ATTENDANCE_ALREADY_RECORDED, "This person is already checked in"));
        }
        if (now.isBefore(startsAt.minus(CHECK_IN_OPENS_BEFORE_START))) {
            return Optional.of(new Rejection(EnrolmentRule.CHECK_IN_NOT_OPEN,
                    "Check-in opens " + CHECK_IN_OPENS_BEFORE_START.toMinutes() + " minutes before the session starts"));
        }
        return Optional.empty();
    }
}
