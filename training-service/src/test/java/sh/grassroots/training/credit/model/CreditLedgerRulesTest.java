package sh.grassroots.training.credit.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreditLedgerRulesTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC);
    static final UUID PERSON = UUID.randomUUID();
    static final Instant LESSON = Instant.parse("2026-06-01T06:00:00Z");

    final List<CreditEntry> lines = new ArrayList<>();

    CreditLedger ledger() {
        return new CreditLedger(PERSON, lines);
    }

    CreditEntry earn(UUID session, Instant at, String hours) {
        CreditLedger.Outcome outcome = ledger().earn(UUID.randomUUID(), session, at, new BigDecimal(hours), CLOCK);
        CreditEntry entry = ((CreditLedger.Recorded) outcome).entry();
        lines.add(entry);
        return entry;
    }

    @Test
    void attending_lessons_adds_their_hours_to_the_year() {
        earn(UUID.randomUUID(), LESSON, "2.5");
        earn(UUID.randomUUID(), LESSON.plusSeconds(86400), "4");
        assertEquals(new BigDecimal("6.5"), ledger().total(2026));
        assertEquals(BigDecimal.ZERO, ledger().total(2025));
    }

    @Test
    void a_lesson_on_new_years_eve_evening_in_shanghai_counts_for_the_old_year() {
        Instant eveningInShanghai = Instant.parse("2026-12-31T12:00:00Z"); // 20:00 in Shanghai
        Instant morningAfter = Instant.parse("2026-12-31T16:30:00Z");       // 00:30 on 1 January in Shanghai
        earn(UUID.randomUUID(), eveningInShanghai, "2");
        earn(UUID.randomUUID(), morningAfter, "3");
        assertEquals(new BigDecimal("2"), ledger().total(2026));
        assertEquals(new BigDecimal("3"), ledger().total(2027));
    }

    @Test
    void the_same_session_is_credited_only_once() {
        UUID session = UUID.randomUUID();
        earn(session, LESSON, "2");
        CreditLedger.Outcome again = ledger().earn(UUID.randomUUID(), session, LESSON, new BigDecimal("2"), CLOCK);
        assertEquals("credit-already-awarded", ((CreditLedger.Refused) again).rejection().slug());
    }

    @Test
    void an_organizer_reverses_a_credit_with_a_reason_and_the_hours_leave_the_total() {
        CreditEntry earned = earn(UUID.randomUUID(), LESSON, "3");
        CreditLedger.Outcome outcome = ledger().reverse(earned.id(), UUID.randomUUID(), " 代签到，实际未参加 ", CLOCK);
        CreditEntry reversal = ((CreditLedger.Recorded) outcome).entry();
        lines.add(reversal);
        assertEquals(earned.id(), reversal.reverses());
        assertEquals("代签到，实际未参加", reversal.reason());
        assertEquals(0, ledger().total(2026).signum());
    }

    @Test
    void a_reversal_needs_a_reason_and_happens_once() {
        CreditEntry earned = earn(UUID.randomUUID(), LESSON, "3");
        assertEquals("credit-reversal-reason-required",
                ((CreditLedger.Refused) ledger().reverse(earned.id(), UUID.randomUUID(), "  ", CLOCK)).rejection().slug());
        CreditEntry reversal = ((CreditLedger.Recorded) ledger().reverse(earned.id(), UUID.randomUUID(), "误记", CLOCK)).entry();
        lines.add(reversal);
        assertEquals("credit-already-reversed",
                ((CreditLedger.Refused) ledger().reverse(earned.id(), UUID.randomUUID(), "再次", CLOCK)).rejection().slug());
        assertEquals("credit-reversal-of-reversal",
                ((CreditLedger.Refused) ledger().reverse(reversal.id(), UUID.randomUUID(), "撤销撤销", CLOCK)).rejection().slug());
    }

    @Test
    void a_reversed_session_may_be_credited_again_when_attendance_is_corrected() {
        UUID session = UUID.randomUUID();
        CreditEntry earned = earn(session, LESSON, "2");
        lines.add(((CreditLedger.Recorded) ledger().reverse(earned.id(), UUID.randomUUID(), "误记", CLOCK)).entry());
        assertInstanceOf(CreditLedger.Recorded.class, ledger().earn(UUID.randomUUID(), session, LESSON, new BigDecimal("2"), CLOCK));
    }

    @Test
    void a_member_meets_the_annual_requirement_at_thirty_two_hours() {
        AnnualRequirement standard = AnnualRequirement.standard();
        AnnualRequirement.Progress short_ = standard.progress("FULL", new BigDecimal("31.5"));
        assertFalse(short_.met());
        assertEquals(new BigDecimal("0.5"), short_.remaining());
        assertTrue(standard.progress("PROBATIONARY", new BigDecimal("32")).met());
        assertTrue(standard.progress("NOT_A_MEMBER", BigDecimal.ZERO).met());
    }
}
