package sh.grassroots.training.learner.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnitStaffChangeRulesTest {
    static final UUID CPIC = UUID.randomUUID();
    static final UUID ORIENT_SECURITIES = UUID.randomUUID();
    static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);

    @Test
    void a_person_training_never_heard_of_becomes_a_learner_of_the_unit() {
        assertEquals(new UnitStaffChange.Create(CPIC, "太保分析师"),
                UnitStaffChange.registered(Optional.empty(), CPIC, "太保分析师"));
    }

    @Test
    void a_known_party_member_gains_the_unit_without_a_recheck() {
        UnitStaffChange.Decision d = UnitStaffChange.registered(Optional.of(new UnitStaffChange.Known(null, null)), CPIC, "x");
        assertEquals(CPIC, ((UnitStaffChange.SetUnit) d).unitId());
        assertFalse(((UnitStaffChange.SetUnit) d).recheck());
    }

    @Test
    void moving_to_another_unit_rechecks_what_stood_through_the_first() {
        UnitStaffChange.Decision d = UnitStaffChange.registered(
                Optional.of(new UnitStaffChange.Known(CPIC, null)), ORIENT_SECURITIES, "x");
        assertTrue(((UnitStaffChange.SetUnit) d).recheck());
    }

    @Test
    void a_second_registration_by_the_same_unit_and_one_after_leaving_the_party_change_nothing() {
        assertInstanceOf(UnitStaffChange.Ignore.class,
                UnitStaffChange.registered(Optional.of(new UnitStaffChange.Known(CPIC, null)), CPIC, "x"));
        assertInstanceOf(UnitStaffChange.Ignore.class,
                UnitStaffChange.registered(Optional.of(new UnitStaffChange.Known(null, DECEMBER)), CPIC, "x"));
    }

    @Test
    void leaving_the_unit_clears_it_and_rechecks_but_a_stale_leave_of_another_unit_does_not() {
        UnitStaffChange.Decision d = UnitStaffChange.left(Optional.of(new UnitStaffChange.Known(CPIC, null)), CPIC, DECEMBER);
        assertNull(((UnitStaffChange.SetUnit) d).unitId());
        assertTrue(((UnitStaffChange.SetUnit) d).recheck());
        assertInstanceOf(UnitStaffChange.Ignore.class, UnitStaffChange.left(
                Optional.of(new UnitStaffChange.Known(ORIENT_SECURITIES, null)), CPIC, DECEMBER));
        assertInstanceOf(UnitStaffChange.Ignore.class, UnitStaffChange.left(Optional.empty(), CPIC, DECEMBER));
    }
}
