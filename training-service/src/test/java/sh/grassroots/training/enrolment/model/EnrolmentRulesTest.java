package sh.grassroots.training.enrolment.model;

import sh.grassroots.training.session.model.Eligibility;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.training.course.model.CourseKind;
import sh.grassroots.training.session.model.SeatQuota;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EnrolmentRulesTest {
    static final Instant OPENS = Instant.parse("2026-12-01T02:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-12-05T02:00:00Z");

    static EnrolmentRules.Request at(Instant now) {
        return new EnrolmentRules.Request(now, OPENS, CLOSES, true, false, SeatQuota.none(),
                Learners.aMember().build(), Eligibility.openTo(CourseKind.LECTURE));
    }

    static String code(Optional<Rejection> r) {
        return r.map(Rejection::slug).orElse("accepted");
    }

    @Test
    void enrolling_inside_the_window_is_accepted() {
        assertEquals("accepted", code(EnrolmentRules.check(at(OPENS))));
    }

    @Test
    void enrolling_before_the_window_opens_is_refused() {
        assertEquals("enrolment-window-not-open", code(EnrolmentRules.check(at(OPENS.minusSeconds(1)))));
    }

    @Test
    void enrolling_at_the_moment_the_window_closes_is_too_late() {
        assertEquals("enrolment-window-closed", code(EnrolmentRules.check(at(CLOSES))));
    }

    @Test
    void enrolling_twice_is_refused() {
        var r = at(OPENS);
        var twice = new EnrolmentRules.Request(r.now(), OPENS, CLOSES, true, true, r.quota(), r.learner(), r.eligibility());
        assertEquals("already-enrolled", code(EnrolmentRules.check(twice)));
    }

    @Test
    void a_cancelled_session_takes_no_enrolments_even_inside_its_window() {
        var r = at(OPENS);
        var cancelled = new EnrolmentRules.Request(r.now(), OPENS, CLOSES, false, false, r.quota(), r.learner(), r.eligibility());
        assertEquals("session-not-open", code(EnrolmentRules.check(cancelled)));
    }

    @Test
    void an_ineligible_learner_is_refused_with_the_eligibility_code() {
        var r = at(OPENS);
        var lecture = new EnrolmentRules.Request(r.now(), OPENS, CLOSES, true, false, r.quota(),
                Learners.aNonMember().workingFor(UUID.randomUUID()).build(), Eligibility.openTo(CourseKind.LECTURE));
        assertEquals("eligibility-members-only", code(EnrolmentRules.check(lecture)));
    }

    @Test
    void with_seats_shared_per_member_unit_a_member_without_a_unit_cannot_be_counted() {
        var r = at(OPENS);
        var perUnit = new EnrolmentRules.Request(r.now(), OPENS, CLOSES, true, false, SeatQuota.perMemberUnit(5),
                Learners.aMember().build(), r.eligibility());
        assertEquals("quota-group-unknown", code(EnrolmentRules.check(perUnit)));
        var withUnit = new EnrolmentRules.Request(r.now(), OPENS, CLOSES, true, false, SeatQuota.perMemberUnit(5),
                Learners.aMember().workingFor(UUID.randomUUID()).build(), r.eligibility());
        assertEquals("accepted", code(EnrolmentRules.check(withUnit)));
    }

    @Test
    void no_seats_are_given_out_while_the_station_room_is_pending_or_after_it_was_refused() {
        var r = at(OPENS);
        for (var stage : java.util.List.of(sh.grassroots.training.venue.model.VenueSaga.Stage.PENDING,
                sh.grassroots.training.venue.model.VenueSaga.Stage.REJECTED)) {
            var waiting = new EnrolmentRules.Request(r.now(), OPENS, CLOSES, true, false, r.quota(), r.learner(),
                    r.eligibility(), stage);
            assertEquals("venue-not-confirmed", code(EnrolmentRules.check(waiting)));
        }
        var confirmed = new EnrolmentRules.Request(r.now(), OPENS, CLOSES, true, false, r.quota(), r.learner(),
                r.eligibility(), sh.grassroots.training.venue.model.VenueSaga.Stage.CONFIRMED);
        assertEquals("accepted", code(EnrolmentRules.check(confirmed)));
    }
}
