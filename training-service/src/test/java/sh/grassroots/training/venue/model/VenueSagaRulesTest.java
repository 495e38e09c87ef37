package sh.grassroots.training.venue.model;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VenueSagaRulesTest {
    static final UUID CURRENT = UUID.randomUUID();

    @Test
    void a_session_at_a_station_room_starts_pending_and_one_at_an_address_needs_no_room() {
        assertEquals(VenueSaga.Stage.PENDING, VenueSaga.firstStage(true));
        assertEquals(VenueSaga.Stage.NOT_NEEDED, VenueSaga.firstStage(false));
    }

    @Test
    void a_confirmation_of_the_current_request_schedules_the_session_with_the_booking() {
        UUID booking = UUID.randomUUID();
        var decision = VenueSaga.onReply(VenueSaga.Stage.PENDING, CURRENT, new VenueSaga.Confirmed(CURRENT, booking));
        assertEquals(new VenueSaga.Confirm(booking), decision);
    }

    @Test
    void a_rejection_keeps_the_station_rule_and_reason_for_the_organizer() {
        var decision = VenueSaga.onReply(VenueSaga.Stage.PENDING, CURRENT,
                new VenueSaga.Rejected(CURRENT, "booking-overlap", "已被其他活动预订"));
        assertEquals(new VenueSaga.Reject("booking-overlap", "已被其他活动预订"), decision);
        var blank = (VenueSaga.Reject) VenueSaga.onReply(VenueSaga.Stage.PENDING, CURRENT,
                new VenueSaga.Rejected(CURRENT, " ", null));
        assertEquals("venue-rejected", blank.rule());
    }

    @Test
    void a_reply_to_another_request_is_stale_and_ignored() {
        assertInstanceOf(VenueSaga.Ignore.class, VenueSaga.onReply(VenueSaga.Stage.PENDING, CURRENT,
                new VenueSaga.Confirmed(UUID.randomUUID(), UUID.randomUUID())));
        assertInstanceOf(VenueSaga.Ignore.class, VenueSaga.onReply(VenueSaga.Stage.NOT_NEEDED, null,
                new VenueSaga.Confirmed(CURRENT, UUID.randomUUID())));
    }

    @Test
    void a_second_answer_after_the_first_changes_nothing() {
        assertInstanceOf(VenueSaga.Ignore.class, VenueSaga.onReply(VenueSaga.Stage.CONFIRMED, CURRENT,
                new VenueSaga.Rejected(CURRENT, "booking-overlap", "late")));
        assertInstanceOf(VenueSaga.Ignore.class, VenueSaga.onReply(VenueSaga.Stage.REJECTED, CURRENT,
                new VenueSaga.Confirmed(CURRENT, UUID.randomUUID())));
        assertInstanceOf(VenueSaga.Ignore.class, VenueSaga.onReply(VenueSaga.Stage.CLOSED, CURRENT,
                new VenueSaga.Confirmed(CURRENT, UUID.randomUUID())));
    }

    @Test
    void cancelling_releases_a_room_that_is_booked_or_may_be_booked_but_not_a_refused_one() {
        assertTrue(VenueSaga.releaseOnCancel(VenueSaga.Stage.PENDING));
        assertTrue(VenueSaga.releaseOnCancel(VenueSaga.Stage.CONFIRMED));
        assertFalse(VenueSaga.releaseOnCancel(VenueSaga.Stage.REJECTED));
        assertFalse(VenueSaga.releaseOnCancel(VenueSaga.Stage.NOT_NEEDED));
    }

    @Test
    void a_confirmed_room_the_station_cancels_loses_the_session_its_room_with_the_station_reason() {
        var decision = VenueSaga.onReply(VenueSaga.Stage.CONFIRMED, CURRENT,
                new VenueSaga.Cancelled(CURRENT, UUID.randomUUID(), "服务站临时检修"));
        assertInstanceOf(VenueSaga.LoseRoom.class, decision);
        assertTrue(((VenueSaga.LoseRoom) decision).reason().endsWith("服务站临时检修"));
    }

    @Test
    void a_cancellation_of_a_room_the_session_no_longer_holds_changes_nothing() {
        var cancelled = new VenueSaga.Cancelled(CURRENT, UUID.randomUUID(), "VENUE_RELEASED: 课程取消");
        assertInstanceOf(VenueSaga.Ignore.class, VenueSaga.onReply(VenueSaga.Stage.CLOSED, CURRENT, cancelled));
        assertInstanceOf(VenueSaga.Ignore.class, VenueSaga.onReply(VenueSaga.Stage.REJECTED, CURRENT, cancelled));
        assertInstanceOf(VenueSaga.Ignore.class, VenueSaga.onReply(VenueSaga.Stage.CONFIRMED, UUID.randomUUID(), cancelled));
    }

    @Test
    void a_pending_request_is_withdrawn_once_the_timeout_has_passed_and_not_before() {
        java.time.Duration timeout = java.time.Duration.ofMinutes(15);
        assertTrue(VenueSaga.onSilence(VenueSaga.Stage.PENDING, java.time.Duration.ofMinutes(14), timeout).isEmpty());
        var withdrawn = VenueSaga.onSilence(VenueSaga.Stage.PENDING, timeout, timeout).orElseThrow();
        assertEquals(VenueSaga.NO_ANSWER, withdrawn.rule());
        assertTrue(VenueSaga.onSilence(VenueSaga.Stage.CONFIRMED, java.time.Duration.ofHours(1), timeout).isEmpty());
    }
}
