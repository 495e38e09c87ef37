package sh.grassroots.training.conference.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemberUnitChangeRulesTest {
    static final LocalDate JOINED = LocalDate.of(2018, 12, 1);
    static final LocalDate LEFT = LocalDate.of(2025, 6, 30);

    @Test
    void a_unit_that_joins_is_stored_and_one_that_rejoins_after_leaving_is_a_member_again() {
        assertInstanceOf(MemberUnitChange.Store.class, MemberUnitChange.joined(Optional.empty(), JOINED));
        assertInstanceOf(MemberUnitChange.Store.class, MemberUnitChange.joined(
                Optional.of(new MemberUnitChange.Known(JOINED, LEFT)), LEFT.plusMonths(3)));
    }

    @Test
    void a_join_older_than_the_recorded_leave_does_not_bring_the_unit_back() {
        assertInstanceOf(MemberUnitChange.Ignore.class, MemberUnitChange.joined(
                Optional.of(new MemberUnitChange.Known(JOINED, LEFT)), JOINED));
    }

    @Test
    void a_unit_leaves_once_and_a_unit_never_seen_is_not_invented() {
        assertEquals(Optional.of(new MemberUnitChange.Leave(LEFT)),
                MemberUnitChange.left(Optional.of(new MemberUnitChange.Known(JOINED, null)), LEFT));
        assertTrue(MemberUnitChange.left(Optional.of(new MemberUnitChange.Known(JOINED, LEFT)), LEFT.plusDays(1)).isEmpty());
        assertTrue(MemberUnitChange.left(Optional.empty(), LEFT).isEmpty());
    }
}
