package sh.grassroots.training.learner.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemberChangeRulesTest {
    static final UUID MEMBER = UUID.randomUUID();
    static final UUID BRANCH = UUID.randomUUID();

    static MemberChange.Store stored(MemberChange.Decision d) {
        return assertInstanceOf(MemberChange.Store.class, d);
    }

    @Test
    void a_registered_member_becomes_a_learner_of_the_home_branch() {
        MemberChange.Store s = stored(MemberChange.apply(Optional.empty(),
                new MemberChange.Registered(MEMBER, BRANCH, "张三", "PROBATIONARY")));
        assertEquals(new MemberChange.Known(MEMBER, "张三", BRANCH, "PROBATIONARY", null), s.learner());
        assertFalse(s.cancelFutureEnrolments());
    }

    @Test
    void becoming_a_full_member_keeps_the_name_and_changes_the_status() {
        var known = Optional.of(new MemberChange.Known(MEMBER, "张三", BRANCH, "PROBATIONARY", null));
        MemberChange.Store s = stored(MemberChange.apply(known, new MemberChange.StatusChanged(MEMBER, BRANCH, "FULL")));
        assertEquals("FULL", s.learner().status());
        assertEquals("张三", s.learner().name());
    }

    @Test
    void a_member_who_leaves_loses_future_enrolments_with_the_reason() {
        var known = Optional.of(new MemberChange.Known(MEMBER, "张三", BRANCH, "FULL", null));
        MemberChange.Store s = stored(MemberChange.apply(known,
                new MemberChange.Left(MEMBER, BRANCH, LocalDate.of(2026, 12, 1), "WITHDREW")));
        assertTrue(s.cancelFutureEnrolments());
        assertEquals(LocalDate.of(2026, 12, 1), s.learner().leftOn());
        assertTrue(s.why().contains("WITHDREW"), s.why());
    }

    @Test
    void events_after_leaving_change_nothing() {
        var left = Optional.of(new MemberChange.Known(MEMBER, "张三", BRANCH, "FULL", LocalDate.of(2026, 12, 1)));
        assertInstanceOf(MemberChange.Ignore.class,
                MemberChange.apply(left, new MemberChange.StatusChanged(MEMBER, BRANCH, "FULL")));
    }

    @Test
    void a_transferred_member_moves_home_and_has_future_enrolments_rechecked() {
        UUID newHome = UUID.randomUUID();
        var known = Optional.of(new MemberChange.Known(MEMBER, "张三", BRANCH, "PROBATIONARY", null));
        MemberChange.Store s = stored(MemberChange.apply(known,
                new MemberChange.Transferred(MEMBER, BRANCH, newHome, "310101")));
        assertEquals(new MemberChange.Known(MEMBER, "张三", newHome, "PROBATIONARY", null), s.learner());
        assertTrue(s.recheckFutureEnrolments());
        assertFalse(s.cancelFutureEnrolments());
        assertTrue(s.why().contains(newHome.toString()), s.why());
    }

    @Test
    void a_transfer_of_an_unknown_or_departed_member_or_to_the_same_home_changes_nothing() {
        assertInstanceOf(MemberChange.Ignore.class, MemberChange.apply(Optional.empty(),
                new MemberChange.Transferred(MEMBER, BRANCH, UUID.randomUUID(), null)));
        var left = Optional.of(new MemberChange.Known(MEMBER, "张三", BRANCH, "FULL", LocalDate.of(2026, 12, 1)));
        assertInstanceOf(MemberChange.Ignore.class, MemberChange.apply(left,
                new MemberChange.Transferred(MEMBER, BRANCH, UUID.randomUUID(), null)));
        var home = Optional.of(new MemberChange.Known(MEMBER, "张三", BRANCH, "FULL", null));
        assertInstanceOf(MemberChange.Ignore.class, MemberChange.apply(home,
                new MemberChange.Transferred(MEMBER, UUID.randomUUID(), BRANCH, null)));
    }
}
