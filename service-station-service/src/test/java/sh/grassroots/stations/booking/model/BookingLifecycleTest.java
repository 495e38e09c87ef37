package sh.grassroots.stations.booking.model;

import sh.grassroots.platform.rules.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static sh.grassroots.stations.booking.model.ABookingRequest.at;

class BookingLifecycleTest {
    private static final TimeRange WEDNESDAY_AFTERNOON = new TimeRange(at(2, 14, 0), at(2, 16, 0));
    private static final Duration TWO_HOURS = Duration.ofHours(2);

    @Test
    void a_manager_approves_a_requested_booking() {
        assertEquals(Outcome.done(BookingStatus.CONFIRMED), BookingLifecycle.approve(BookingStatus.REQUESTED));
    }

    @Test
    void a_confirmed_booking_cannot_be_approved_again() {
        assertRefused(LifecycleRule.NOT_AWAITING_DECISION, BookingLifecycle.approve(BookingStatus.CONFIRMED));
    }

    @Test
    void a_manager_rejects_a_requested_booking_and_the_slot_is_given_back() {
        assertEquals(Outcome.done(BookingStatus.REJECTED), BookingLifecycle.reject(BookingStatus.REQUESTED));
        assertEquals(false, BookingStatus.REJECTED.holdsTheSlot());
    }

    @Test
    void a_booking_is_cancelled_before_the_deadline() {
        assertEquals(Outcome.done(BookingStatus.CANCELLED),
                BookingLifecycle.cancel(BookingStatus.CONFIRMED, WEDNESDAY_AFTERNOON, TWO_HOURS, instant(2, 11, 59)));
    }

    @Test
    void cancelling_at_the_deadline_is_too_late() {
        assertRefused(LifecycleRule.CANCELLATION_DEADLINE_PASSED,
                BookingLifecycle.cancel(BookingStatus.CONFIRMED, WEDNESDAY_AFTERNOON, TWO_HOURS, instant(2, 12, 0)));
    }

    @Test
    void a_cancelled_booking_cannot_be_cancelled_twice() {
        assertRefused(LifecycleRule.NOT_CANCELLABLE,
                BookingLifecycle.cancel(BookingStatus.CANCELLED, WEDNESDAY_AFTERNOON, TWO_HOURS, instant(1, 9, 0)));
    }

    @Test
    void people_check_in_up_to_half_an_hour_early() {
        assertEquals(Outcome.done(BookingStatus.CHECKED_IN),
                BookingLifecycle.checkIn(BookingStatus.CONFIRMED, WEDNESDAY_AFTERNOON, instant(2, 13, 30)));
        assertRefused(LifecycleRule.CHECK_IN_NOT_OPEN,
                BookingLifecycle.checkIn(BookingStatus.CONFIRMED, WEDNESDAY_AFTERNOON, instant(2, 13, 29)));
    }

    @Test
    void nobody_checks_in_after_the_booking_ended() {
        assertRefused(LifecycleRule.CHECK_IN_CLOSED,
                BookingLifecycle.checkIn(BookingStatus.CONFIRMED, WEDNESDAY_AFTERNOON, instant(2, 16, 0)));
    }

    @Test
    void a_booking_awaiting_approval_cannot_be_checked_in() {
        assertRefused(LifecycleRule.NOT_CONFIRMED,
                BookingLifecycle.checkIn(BookingStatus.REQUESTED, WEDNESDAY_AFTERNOON, instant(2, 14, 0)));
    }

    @Test
    void a_confirmed_booking_nobody_came_for_becomes_a_no_show_after_the_grace_period() {
        Duration grace = Duration.ofMinutes(15);
        assertRefused(LifecycleRule.CHECK_IN_NOT_OPEN,
                BookingLifecycle.markNoShow(BookingStatus.CONFIRMED, WEDNESDAY_AFTERNOON, grace, instant(2, 14, 14)));
        assertEquals(Outcome.done(BookingStatus.NO_SHOW),
                BookingLifecycle.markNoShow(BookingStatus.CONFIRMED, WEDNESDAY_AFTERNOON, grace, instant(2, 14, 15)));
        assertEquals(false, BookingStatus.NO_SHOW.holdsTheSlot());
    }

    @Test
    void a_checked_in_booking_is_never_a_no_show() {
        assertRefused(LifecycleRule.NOT_CONFIRMED, BookingLifecycle.markNoShow(BookingStatus.CHECKED_IN,
                WEDNESDAY_AFTERNOON, Duration.ofMinutes(15), instant(2, 15, 0)));
    }

    private static Instant instant(int december, int hour, int minute) {
        return at(december, hour, minute).toInstant();
    }

    private static void assertRefused(LifecycleRule rule, Outcome<BookingStatus> transition) {
        var refused = assertInstanceOf(Outcome.Rejected.class, transition);
        assertEquals(rule, refused.rule(), refused.detail());
    }
}
