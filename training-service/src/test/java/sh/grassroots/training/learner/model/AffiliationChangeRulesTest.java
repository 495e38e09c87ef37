package sh.grassroots.training.learner.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AffiliationChangeRulesTest {
    static final LocalDate MARCH = LocalDate.of(2026, 3, 1);
    static final LocalDate JUNE = LocalDate.of(2026, 6, 30);

    @Test
    void a_new_affiliation_starts() {
        assertEquals(new AffiliationChange.Start(MARCH), AffiliationChange.added(Optional.empty(), MARCH));
    }

    @Test
    void an_affiliation_already_active_is_not_started_again() {
        assertInstanceOf(AffiliationChange.Ignore.class,
                AffiliationChange.added(Optional.of(new AffiliationChange.Known(MARCH, null)), MARCH));
    }

    @Test
    void a_stale_start_older_than_the_end_does_not_bring_the_affiliation_back_but_a_later_one_does() {
        Optional<AffiliationChange.Known> ended = Optional.of(new AffiliationChange.Known(MARCH, JUNE));
        assertInstanceOf(AffiliationChange.Ignore.class, AffiliationChange.added(ended, MARCH));
        assertEquals(new AffiliationChange.Start(JUNE.plusDays(1)), AffiliationChange.added(ended, JUNE.plusDays(1)));
    }

    @Test
    void an_active_affiliation_ends_once_with_the_branch_and_the_reason_in_the_why() {
        Optional<AffiliationChange.Known> active = Optional.of(new AffiliationChange.Known(MARCH, null));
        AffiliationChange.Decision end = AffiliationChange.ended(active, JUNE, "UP主党支部", "CRITERIA_NO_LONGER_MET");
        assertInstanceOf(AffiliationChange.End.class, end);
        assertTrue(((AffiliationChange.End) end).why().contains("UP主党支部"));
        assertTrue(((AffiliationChange.End) end).why().contains("CRITERIA_NO_LONGER_MET"));
        assertInstanceOf(AffiliationChange.Ignore.class, AffiliationChange.ended(
                Optional.of(new AffiliationChange.Known(MARCH, JUNE)), JUNE, "UP主党支部", "LEFT_BY_MEMBER"));
        assertInstanceOf(AffiliationChange.Ignore.class,
                AffiliationChange.ended(Optional.empty(), JUNE, "UP主党支部", "LEFT_BY_MEMBER"));
    }
}
