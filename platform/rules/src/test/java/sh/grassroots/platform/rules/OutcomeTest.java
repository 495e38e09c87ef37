package sh.grassroots.platform.rules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutcomeTest {
    private static final Rule FULL = Rule.of("session-full", RuleKind.CONFLICT);

    @Test
    void a_done_outcome_carries_its_value_through_map_and_flat_map() {
        Outcome<Integer> outcome = Outcome.done(2);
        Outcome<Integer> next = outcome.map(v -> v * 10).flatMap(v -> Outcome.done(v + 1));
        assertTrue(next.isDone());
        assertEquals(21, ((Outcome.Done<Integer>) next).value());
    }

    @Test
    void a_rejection_passes_through_map_and_flat_map_untouched() {
        Rejection full = FULL.rejects("no seat left in session 7");
        Outcome<Integer> outcome = Outcome.<Integer>rejected(full).map(v -> v * 10).flatMap(v -> Outcome.done(v + 1));
        assertFalse(outcome.isDone());
        Outcome.Rejected<Integer> rejected = assertInstanceOf(Outcome.Rejected.class, outcome);
        assertSame(full, rejected.rejection());
        assertEquals("session-full", rejected.rejection().slug());
        assertEquals(RuleKind.CONFLICT, rejected.rejection().kind());
    }

    @Test
    void a_slug_is_lower_case_words_joined_by_hyphens() {
        assertThrows(IllegalArgumentException.class, () -> Rule.of("Session Full", RuleKind.CONFLICT));
        assertThrows(IllegalArgumentException.class, () -> Rule.of("session--full", RuleKind.CONFLICT));
        assertThrows(IllegalArgumentException.class, () -> Rule.of("", RuleKind.INVALID));
        assertEquals("hold-expired", Rule.of("hold-expired", RuleKind.CONFLICT).slug());
    }
}
