package sh.grassroots.training.session.model;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionPlanRulesTest {
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** A lesson next week, enrolment open from now until the day before, cancellable until two days before. */
    static SessionPlan aLessonNextWeek() {
        Instant starts = NOW.plus(Duration.ofDays(7));
        return new SessionPlan(starts, starts.plus(Duration.ofHours(2)), 30, NOW, starts.minus(Duration.ofDays(1)),
                starts.minus(Duration.ofDays(2)), SeatQuota.none(), Duration.ofHours(2));
    }

    static String code(SessionPlan plan) {
        return plan.check(CLOCK).map(r -> r.slug()).orElse("valid");
    }

    @Test
    void a_well_formed_plan_is_valid() {
        assertEquals("valid", code(aLessonNextWeek()));
    }

    @Test
    void a_session_with_negative_or_no_capacity_is_refused() {
        SessionPlan p = aLessonNextWeek();
        assertEquals("session-capacity-not-positive", code(new SessionPlan(p.startsAt(), p.endsAt(), -1,
                p.enrolmentOpensAt(), p.enrolmentClosesAt(), p.cancellationDeadline(), p.quota(), p.holdWindow())));
        assertEquals("session-capacity-not-positive", code(new SessionPlan(p.startsAt(), p.endsAt(), 0,
                p.enrolmentOpensAt(), p.enrolmentClosesAt(), p.cancellationDeadline(), p.quota(), p.holdWindow())));
    }

    @Test
    void a_session_ending_before_it_starts_is_refused() {
        SessionPlan p = aLessonNextWeek();
        assertEquals("session-ends-before-start", code(new SessionPlan(p.startsAt(), p.startsAt().minusSeconds(60), 30,
                p.enrolmentOpensAt(), p.enrolmentClosesAt(), p.cancellationDeadline(), p.quota(), p.holdWindow())));
        assertEquals("session-ends-before-start", code(new SessionPlan(p.startsAt(), p.startsAt(), 30,
                p.enrolmentOpensAt(), p.enrolmentClosesAt(), p.cancellationDeadline(), p.quota(), p.holdWindow())));
    }

    @Test
    void a_session_in_the_past_is_refused() {
        SessionPlan p = aLessonNextWeek();
        Instant yesterday = NOW.minus(Duration.ofDays(1));
        assertEquals("session-in-the-past", code(new SessionPlan(yesterday, yesterday.plusSeconds(3600), 30,
                yesterday.minusSeconds(7200), yesterday, yesterday, p.quota(), p.holdWindow())));
    }

    @Test
    void enrolment_that_closes_after_the_session_started_is_refused() {
        SessionPlan p = aLessonNextWeek();
        assertEquals("enrolment-window-invalid", code(new SessionPlan(p.startsAt(), p.endsAt(), 30,
                p.enrolmentOpensAt(), p.startsAt().plusSeconds(1), p.cancellationDeadline(), p.quota(), p.holdWindow())));
    }

    @Test
    void a_cancellation_deadline_after_the_start_is_refused() {
        SessionPlan p = aLessonNextWeek();
        assertEquals("cancellation-deadline-invalid", code(new SessionPlan(p.startsAt(), p.endsAt(), 30,
                p.enrolmentOpensAt(), p.enrolmentClosesAt(), p.endsAt(), p.quota(), p.holdWindow())));
    }

    @Test
    void a_quota_of_no_seats_per_unit_and_a_zero_hold_window_are_refused() {
        SessionPlan p = aLessonNextWeek();
        assertEquals("seat-quota-invalid", code(new SessionPlan(p.startsAt(), p.endsAt(), 30, p.enrolmentOpensAt(),
                p.enrolmentClosesAt(), p.cancellationDeadline(), SeatQuota.perMemberUnit(0), p.holdWindow())));
        assertEquals("hold-window-invalid", code(new SessionPlan(p.startsAt(), p.endsAt(), 30, p.enrolmentOpensAt(),
                p.enrolmentClosesAt(), p.cancellationDeadline(), p.quota(), Duration.ZERO)));
        assertTrue(SeatQuota.perBranch(5).groupOf(null, null).isEmpty());
    }
}
