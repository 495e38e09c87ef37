package sh.grassroots.training.enrolment.model;

import sh.grassroots.training.session.model.SeatBook;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeatsAndWaitlistRulesTest {
    static final Instant NOON = Instant.parse("2026-12-01T04:00:00Z");
    static final Optional<UUID> NO_GROUP = Optional.empty();

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void seats_are_given_while_they_last_and_then_the_session_is_full() {
        SeatBook seats = new SeatBook(2, 0);
        assertInstanceOf(SeatBook.Seated.class, seats.claim(NO_GROUP));
        assertInstanceOf(SeatBook.Seated.class, seats.claim(NO_GROUP));
        assertEquals(new SeatBook.NoSeat(SeatBook.Reason.SESSION_FULL), seats.claim(NO_GROUP));
        assertEquals(2, seats.taken());
    }

    @Test
    void a_unit_that_used_its_quota_waits_while_other_units_still_get_seats() {
        UUID cpic = UUID.randomUUID();
        UUID bundInvest = UUID.randomUUID();
        SeatBook seats = new SeatBook(10, 2);
        seats.claim(Optional.of(cpic));
        seats.claim(Optional.of(cpic));
        assertEquals(new SeatBook.NoSeat(SeatBook.Reason.QUOTA_EXHAUSTED), seats.claim(Optional.of(cpic)));
        assertInstanceOf(SeatBook.Seated.class, seats.claim(Optional.of(bundInvest)));
    }

    @Test
    void a_released_seat_can_be_claimed_again_within_the_quota() {
        UUID cpic = UUID.randomUUID();
        SeatBook seats = new SeatBook(1, 1);
        seats.claim(Optional.of(cpic));
        seats.release(Optional.of(cpic));
        assertTrue(seats.hasRoomFor(Optional.of(cpic)));
        assertInstanceOf(SeatBook.Seated.class, seats.claim(Optional.of(cpic)));
    }

    @Test
    void the_longest_waiting_person_is_offered_the_freed_seat() {
        List<Waitlist.Entry> waiting = new ArrayList<>();
        Waitlist.Entry third = new Waitlist.Entry(UUID.randomUUID(), 30, NO_GROUP);
        Waitlist.Entry first = new Waitlist.Entry(UUID.randomUUID(), 10, NO_GROUP);
        Waitlist.Entry second = new Waitlist.Entry(UUID.randomUUID(), 20, NO_GROUP);
        waiting.add(third);
        waiting.add(first);
        waiting.add(second);
        assertEquals(first, Waitlist.next(waiting, g -> true).orElseThrow());
        assertEquals(Optional.of(2), Waitlist.placeOf(waiting, second.enrolmentId()));
        assertEquals(Optional.empty(), Waitlist.placeOf(waiting, UUID.randomUUID()));
    }

    @Test
    void someone_whose_unit_quota_is_used_up_does_not_block_the_people_behind() {
        UUID fullUnit = UUID.randomUUID();
        UUID otherUnit = UUID.randomUUID();
        Waitlist.Entry blocked = new Waitlist.Entry(UUID.randomUUID(), 1, Optional.of(fullUnit));
        Waitlist.Entry behind = new Waitlist.Entry(UUID.randomUUID(), 2, Optional.of(otherUnit));
        assertEquals(behind, Waitlist.next(List.of(blocked, behind), g -> !g.equals(Optional.of(fullUnit))).orElseThrow());
    }

    @Test
    void nobody_is_offered_a_seat_from_an_empty_waitlist() {
        assertTrue(Waitlist.next(List.of(), g -> true).isEmpty());
    }

    @Test
    void a_hold_can_be_accepted_until_just_before_it_expires() {
        Hold hold = Hold.offer(at(NOON), Duration.ofHours(2));
        assertEquals(NOON.plus(Duration.ofHours(2)), hold.expiresAt());
        assertTrue(hold.accept(at(NOON.plus(Duration.ofMinutes(119)))).isEmpty());
        assertFalse(hold.hasExpired(at(NOON.plus(Duration.ofMinutes(119)))));
    }

    @Test
    void an_unanswered_hold_expires_and_cannot_be_accepted_any_more() {
        Hold hold = Hold.offer(at(NOON), Duration.ofHours(2));
        assertTrue(hold.hasExpired(at(NOON.plus(Duration.ofHours(2)))));
        assertEquals("hold-expired", hold.accept(at(NOON.plus(Duration.ofHours(3)))).orElseThrow().slug());
    }

    @Test
    void a_learner_cancels_until_the_deadline_and_an_organizer_also_after_it() {
        Instant deadline = NOON;
        Clock late = at(NOON.plusSeconds(1));
        assertTrue(Cancellation.check(EnrolmentStatus.CONFIRMED, Cancellation.By.LEARNER, deadline, at(NOON)).isEmpty());
        assertEquals("cancellation-deadline-passed",
                Cancellation.check(EnrolmentStatus.CONFIRMED, Cancellation.By.LEARNER, deadline, late).orElseThrow().slug());
        assertTrue(Cancellation.check(EnrolmentStatus.CONFIRMED, Cancellation.By.ORGANIZER, deadline, late).isEmpty());
    }

    @Test
    void an_already_cancelled_enrolment_cannot_be_cancelled_again_and_only_seat_holders_free_a_seat() {
        assertEquals("enrolment-not-cancellable",
                Cancellation.check(EnrolmentStatus.CANCELLED, Cancellation.By.ORGANIZER, NOON, at(NOON)).orElseThrow().slug());
        assertTrue(Cancellation.freesASeat(EnrolmentStatus.CONFIRMED));
        assertTrue(Cancellation.freesASeat(EnrolmentStatus.OFFERED));
        assertFalse(Cancellation.freesASeat(EnrolmentStatus.WAITLISTED));
    }

    @Test
    void the_system_reacting_to_the_organization_is_not_bound_by_the_deadline() {
        assertTrue(Cancellation.check(EnrolmentStatus.WAITLISTED, Cancellation.By.SYSTEM, NOON,
                at(NOON.plusSeconds(60))).isEmpty());
    }
}
