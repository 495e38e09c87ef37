package sh.grassroots.org.conference.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.platform.rules.Outcome;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.org.conference.model.Units.FOUNDED;
import static sh.grassroots.org.conference.model.Units.aUnit;
import static sh.grassroots.org.conference.model.Units.assertRefused;
import static sh.grassroots.org.conference.model.Units.day;
import static sh.grassroots.org.conference.model.Units.done;

class MembershipTest {
    private final MemberUnit goldExchange = aUnit("上海黄金交易所").ofSector(Sector.CENTRAL_SOE).build();

    private Outcome<MemberUnit> join(List<MemberUnit> units, String name, String on) {
        return Membership.join(UUID.randomUUID(), FOUNDED, units, name, Sector.CITY_SOE, Optional.empty(), day(on));
    }

    @Test
    void a_unit_joins_with_its_sector_and_date() {
        MemberUnit pacific = done(Membership.join(UUID.randomUUID(), FOUNDED, List.of(goldExchange), " 太平洋保险 ",
                Sector.CITY_SOE, Optional.empty(), day("2019-03-01")));
        assertEquals("太平洋保险", pacific.name());
        assertEquals(Sector.CITY_SOE, pacific.sector());
        assertEquals(Optional.empty(), pacific.leftOn());
        assertTrue(pacific.memberOn(day("2019-03-01")));
    }

    @Test
    void a_unit_cannot_join_before_the_conference_was_founded() {
        assertRefused(ConferenceRule.JOINED_BEFORE_FOUNDING, join(List.of(), "东方证券", "2018-11-30"));
    }

    @Test
    void an_active_unit_cannot_join_twice_even_spelt_with_other_spaces_or_case() {
        assertRefused(ConferenceRule.UNIT_ALREADY_MEMBER, join(List.of(goldExchange), " 上海黄金交易所", "2020-01-01"));
        MemberUnit fosun = aUnit("Fosun Group").build();
        assertRefused(ConferenceRule.UNIT_ALREADY_MEMBER, join(List.of(fosun), "fosun  group", "2020-01-01"));
    }

    @Test
    void a_unit_linked_to_the_same_organization_is_the_same_unit_under_another_name() {
        UUID committee = UUID.randomUUID();
        MemberUnit linked = aUnit("外滩投资").linkedTo(committee).build();
        assertRefused(ConferenceRule.UNIT_ALREADY_MEMBER, Membership.join(UUID.randomUUID(), FOUNDED, List.of(linked),
                "外滩投资集团", Sector.DISTRICT_SOE, Optional.of(committee), day("2021-01-01")));
    }

    @Test
    void a_unit_that_left_may_rejoin_from_the_day_it_left_but_not_before() {
        MemberUnit left = aUnit("久事投资").leftOn(day("2022-06-30")).build();
        assertRefused(ConferenceRule.UNIT_ALREADY_MEMBER, join(List.of(left), "久事投资", "2022-06-29"));
        MemberUnit again = done(join(List.of(left), "久事投资", "2022-06-30"));
        assertEquals(day("2022-06-30"), again.joinedOn());
    }

    @Test
    void a_unit_leaves_after_it_joined() {
        MemberUnit left = done(Membership.leave(goldExchange, day("2025-01-01"), List.of()));
        assertEquals(Optional.of(day("2025-01-01")), left.leftOn());
        assertTrue(left.memberOn(day("2024-12-31")));
        assertTrue(!left.memberOn(day("2025-01-01")));
    }

    @Test
    void leaving_on_or_before_the_join_date_is_refused() {
        assertRefused(ConferenceRule.LEAVE_NOT_AFTER_JOIN, Membership.leave(goldExchange, FOUNDED, List.of()));
        assertRefused(ConferenceRule.LEAVE_NOT_AFTER_JOIN, Membership.leave(goldExchange, FOUNDED.minusDays(1), List.of()));
    }

    @Test
    void a_unit_cannot_leave_twice() {
        MemberUnit left = aUnit("汇添富基金").leftOn(day("2024-01-01")).build();
        assertRefused(ConferenceRule.UNIT_ALREADY_LEFT, Membership.leave(left, day("2025-01-01"), List.of()));
    }

    @Test
    void a_unit_cannot_leave_before_its_chair_term_ends() {
        ChairTerm term = new ChairTerm(UUID.randomUUID(), goldExchange.id(), goldExchange.name(),
                day("2026-01-01"), day("2026-12-31"));
        assertRefused(ConferenceRule.UNIT_HOLDS_LATER_CHAIR_TERM, Membership.leave(goldExchange, day("2026-12-31"), List.of(term)));
        done(Membership.leave(goldExchange, day("2027-01-01"), List.of(term)));
    }
}
