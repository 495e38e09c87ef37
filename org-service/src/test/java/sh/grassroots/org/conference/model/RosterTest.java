package sh.grassroots.org.conference.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.platform.rules.Outcome;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.org.conference.model.Units.aUnit;
import static sh.grassroots.org.conference.model.Units.assertRefused;
import static sh.grassroots.org.conference.model.Units.day;
import static sh.grassroots.org.conference.model.Units.done;

class RosterTest {
    private final MemberUnit clearingHouse = aUnit("上海清算所").ofSector(Sector.CENTRAL_SOE).build();
    private final MemberUnit pacific = aUnit("太平洋保险").build();
    private final ChairTerm first = new ChairTerm(UUID.randomUUID(), clearingHouse.id(), clearingHouse.name(),
            day("2026-01-01"), day("2026-06-30"));

    @Test
    void the_chair_on_a_day_is_the_unit_whose_term_covers_it_both_ends_included() {
        ChairTerm second = done(Roster.schedule(UUID.randomUUID(), pacific, day("2026-07-01"), day("2026-12-31"), List.of(first)));
        List<ChairTerm> roster = List.of(first, second);
        assertEquals(Optional.of(first), Roster.chairOn(roster, day("2026-01-01")));
        assertEquals(Optional.of(first), Roster.chairOn(roster, day("2026-06-30")));
        assertEquals(Optional.of(second), Roster.chairOn(roster, day("2026-07-01")));
        assertEquals(Optional.of(second), Roster.chairOn(roster, day("2026-11-29")));
        assertEquals(Optional.empty(), Roster.chairOn(roster, day("2027-01-01")));
    }

    @Test
    void a_term_starting_on_the_last_day_of_another_overlaps_it_and_the_refusal_names_that_term() {
        Outcome<ChairTerm> outcome = Roster.schedule(UUID.randomUUID(), pacific, day("2026-06-30"), day("2026-12-31"), List.of(first));
        assertRefused(ConferenceRule.CHAIR_TERMS_OVERLAP, outcome);
        String detail = ((Outcome.Rejected<ChairTerm>) outcome).detail();
        assertTrue(detail.contains(first.id().toString()), detail);
        assertTrue(detail.contains("上海清算所"), detail);
    }

    @Test
    void a_term_inside_or_around_another_overlaps_it() {
        assertRefused(ConferenceRule.CHAIR_TERMS_OVERLAP,
                Roster.schedule(UUID.randomUUID(), pacific, day("2026-03-01"), day("2026-03-31"), List.of(first)));
        assertRefused(ConferenceRule.CHAIR_TERMS_OVERLAP,
                Roster.schedule(UUID.randomUUID(), pacific, day("2025-01-01"), day("2027-01-01"), List.of(first)));
    }

    @Test
    void the_same_unit_may_chair_again_after_a_gap() {
        done(Roster.schedule(UUID.randomUUID(), clearingHouse, day("2027-01-01"), day("2027-06-30"), List.of(first)));
    }

    @Test
    void a_one_day_term_is_allowed_but_one_ending_before_it_starts_is_not() {
        done(Roster.schedule(UUID.randomUUID(), pacific, day("2026-07-01"), day("2026-07-01"), List.of(first)));
        assertRefused(ConferenceRule.CHAIR_TERM_ENDS_BEFORE_START,
                Roster.schedule(UUID.randomUUID(), pacific, day("2026-07-02"), day("2026-07-01"), List.of()));
    }

    @Test
    void a_unit_must_be_a_member_for_the_whole_term() {
        MemberUnit lateJoiner = aUnit("复星集团").ofSector(Sector.PRIVATE_FIRM).joinedOn(day("2026-09-01")).build();
        assertRefused(ConferenceRule.CHAIR_UNIT_NOT_MEMBER,
                Roster.schedule(UUID.randomUUID(), lateJoiner, day("2026-08-31"), day("2026-12-31"), List.of()));
        MemberUnit leaving = aUnit("华融资产上海分公司").leftOn(day("2026-12-31")).build();
        assertRefused(ConferenceRule.CHAIR_UNIT_NOT_MEMBER,
                Roster.schedule(UUID.randomUUID(), leaving, day("2026-07-01"), day("2026-12-31"), List.of()));
        done(Roster.schedule(UUID.randomUUID(), leaving, day("2026-07-01"), day("2026-12-30"), List.of()));
    }
}
