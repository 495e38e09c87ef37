package sh.grassroots.stations.booking.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.stations.venue.model.VenueRules;

import java.time.Duration;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static sh.grassroots.stations.booking.model.ABookingRequest.aBookingRequest;
import static sh.grassroots.stations.booking.model.ABookingRequest.at;

/** Which room rules a training session's venue request must pass, and how a refusal is named. */
class VenuePolicyTest {

    private static VenueRules.Refuse refused(ABookingRequest request) {
        return assertInstanceOf(VenueRules.Refuse.class, VenueRules.judge(request.build()));
    }

    @Test
    void a_session_in_a_free_open_room_is_booked_confirmed() {
        assertEquals(new BookingDecision.Accepted(BookingStatus.CONFIRMED),
                BookingRules.decideVenue(aBookingRequest().build()));
        assertInstanceOf(VenueRules.Book.class, VenueRules.judge(aBookingRequest().build()));
    }

    @Test
    void a_session_overlapping_another_booking_is_refused_as_an_overlap() {
        VenueRules.Refuse refusal = refused(aBookingRequest().withExistingBooking(at(2, 15, 0), at(2, 17, 0)));
        assertEquals("booking-overlap", refusal.rule());
    }

    @Test
    void a_session_outside_the_opening_hours_is_refused_naming_the_rule() {
        VenueRules.Refuse refusal = refused(aBookingRequest().from(at(2, 20, 0)).to(at(2, 22, 0)));
        assertEquals("booking-outside-opening-hours", refusal.rule());
    }

    @Test
    void a_session_larger_than_the_room_is_refused() {
        assertEquals("booking-over-capacity", refused(aBookingRequest().inARoomFor(20).withAttendees(40)).rule());
    }

    @Test
    void a_room_that_needs_approval_refuses_because_the_saga_cannot_wait_for_a_manager() {
        assertEquals("booking-approval-required", refused(aBookingRequest().inARoomNeedingApproval()).rule());
    }

    @Test
    void a_session_in_a_closed_station_is_refused() {
        assertEquals("booking-station-closed", refused(aBookingRequest()
                .withStationClosed(at(2, 0, 0), at(3, 0, 0), "元旦")).rule());
    }

    @Test
    void notice_horizon_length_and_quota_do_not_ration_a_course_providers_sessions() {
        OffsetDateTime farAhead = OffsetDateTime.of(2027, 3, 3, 9, 0, 0, 0, ABookingRequest.SHANGHAI);
        assertInstanceOf(VenueRules.Book.class, VenueRules.judge(aBookingRequest()
                .from(farAhead).to(farAhead.plusHours(8))
                .withMinimumNotice(Duration.ofDays(400))
                .withQuotaPerWeek(1).byABookerWhoAlreadyHolds(5, 5)
                .build()));
    }

    @Test
    void a_session_that_has_already_begun_is_refused() {
        assertEquals("booking-already-started", refused(aBookingRequest()
                .from(at(1, 8, 0)).to(at(1, 10, 0))).rule());
    }
}
