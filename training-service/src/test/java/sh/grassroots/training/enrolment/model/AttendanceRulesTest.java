package sh.grassroots.training.enrolment.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttendanceRulesTest {
    static final Instant START = Instant.parse("2026-12-10T06:00:00Z");

    static String code(Optional<EnrolmentStatus> status, Instant now) {
        return Attendance.check(status, now, START).map(r -> r.slug()).orElse("checked-in");
    }

    @Test
    void a_confirmed_member_is_checked_in_from_half_an_hour_before_the_start() {
        assertEquals("checked-in", code(Optional.of(EnrolmentStatus.CONFIRMED), START.minusSeconds(30 * 60)));
        assertEquals("check-in-not-open", code(Optional.of(EnrolmentStatus.CONFIRMED), START.minusSeconds(30 * 60 + 1)));
    }

    @Test
    void someone_on_the_waitlist_or_not_enrolled_cannot_be_checked_in() {
        assertEquals("not-enrolled", code(Optional.of(EnrolmentStatus.WAITLISTED), START));
        assertEquals("not-enrolled", code(Optional.empty(), START));
        assertTrue(Attendance.check(Optional.of(EnrolmentStatus.CANCELLED), START, START).get().detail().contains("CANCELLED"));
    }

    @Test
    void checking_in_twice_is_refused() {
        assertEquals("attendance-already-recorded", code(Optional.of(EnrolmentStatus.ATTENDED), START));
    }
}
