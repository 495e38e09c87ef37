package sh.grassroots.org.conference.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.platform.rules.Outcome;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.org.conference.model.Units.aUnit;
import static sh.grassroots.org.conference.model.Units.assertRefused;
import static sh.grassroots.org.conference.model.Units.day;
import static sh.grassroots.org.conference.model.Units.done;

class MatchingTest {
    private final MemberUnit bundInvestment = aUnit("外滩投资").ofSector(Sector.DISTRICT_SOE).build();
    private final MemberUnit pacific = aUnit("太平洋保险").build();
    private final MemberUnit orient = aUnit("东方证券").build();
    private final MemberUnit xiaodongmen = aUnit("小东门街道").ofSector(Sector.SUB_DISTRICT).build();

    private static Listing post(ListingKind kind, MemberUnit unit, Category category, int quantity, String from, String until) {
        return done(Listing.post(UUID.randomUUID(), kind, unit, category, quantity, day(from), day(until)));
    }

    private final Listing stationVenue = post(ListingKind.OFFER, bundInvestment, Category.VENUE, 20, "2026-01-01", "2026-12-31");
    private final Listing whiteCollarVenue = post(ListingKind.NEED, pacific, Category.VENUE, 12, "2026-03-01", "2026-09-30");

    @Test
    void an_offer_and_a_need_of_the_same_category_and_overlapping_windows_are_proposed() {
        List<Matching.Proposal> proposals = Matching.propose(List.of(stationVenue, whiteCollarVenue));
        assertEquals(1, proposals.size());
        Matching.Proposal p = proposals.get(0);
        assertEquals(stationVenue, p.offer());
        assertEquals(whiteCollarVenue, p.need());
        assertEquals(12, p.quantity());
        assertEquals(100, p.coveragePercent());
        assertEquals(day("2026-03-01"), p.overlapFrom());
        assertEquals(day("2026-09-30"), p.overlapUntil());
        assertEquals(214, p.overlapDays());
    }

    @Test
    void no_pair_across_categories_disjoint_windows_the_same_unit_or_closed_listings() {
        Listing training = post(ListingKind.NEED, xiaodongmen, Category.TRAINING, 5, "2026-01-01", "2026-12-31");
        Listing lateNeed = post(ListingKind.NEED, orient, Category.VENUE, 3, "2027-01-01", "2027-03-31");
        Listing ownNeed = post(ListingKind.NEED, bundInvestment, Category.VENUE, 3, "2026-01-01", "2026-03-31");
        Listing withdrawn = done(post(ListingKind.NEED, xiaodongmen, Category.VENUE, 3, "2026-01-01", "2026-03-31").withdraw());
        assertEquals(List.of(), Matching.propose(List.of(stationVenue, training, lateNeed, ownNeed, withdrawn)));
    }

    @Test
    void needs_fully_covered_come_first_then_by_coverage_then_by_the_longer_common_window() {
        Listing smallOffer = post(ListingKind.OFFER, orient, Category.VENUE, 4, "2026-01-01", "2026-12-31");
        Listing shortNeed = post(ListingKind.NEED, xiaodongmen, Category.VENUE, 4, "2026-05-01", "2026-05-31");
        List<Matching.Proposal> ranked = Matching.propose(List.of(stationVenue, smallOffer, whiteCollarVenue, shortNeed));
        // station→pacific (12/12, 214 days), station→xiaodongmen (4/4, 31 days), small→xiaodongmen (4/4, 31 days),
        // small→pacific (4/12)
        assertEquals(4, ranked.size());
        assertEquals(List.of(100, 100, 100, 33), ranked.stream().map(Matching.Proposal::coveragePercent).toList());
        assertEquals(whiteCollarVenue, ranked.get(0).need());
        assertEquals(smallOffer, ranked.get(3).offer());
        assertEquals(whiteCollarVenue, ranked.get(3).need());
    }

    @Test
    void accepting_consumes_quantities_and_a_listing_with_nothing_left_is_matched() {
        Matching.Accepted accepted = done(Matching.accept(List.of(new Matching.Pair(stationVenue, whiteCollarVenue, Optional.empty()))));
        Map<UUID, Listing> after = byId(accepted.listings());
        assertEquals(8, after.get(stationVenue.id()).remaining());
        assertEquals(ListingStatus.OPEN, after.get(stationVenue.id()).status());
        assertEquals(0, after.get(whiteCollarVenue.id()).remaining());
        assertEquals(ListingStatus.MATCHED, after.get(whiteCollarVenue.id()).status());
        assertEquals(List.of(new Matching.Consumption(stationVenue.id(), whiteCollarVenue.id(), 12)), accepted.consumptions());
        assertEquals(Set.of(bundInvestment.id(), pacific.id()), accepted.unitIds());
    }

    @Test
    void one_offer_shared_by_two_pairs_is_consumed_by_both_and_cannot_give_more_than_it_has() {
        Listing volunteers = post(ListingKind.OFFER, pacific, Category.VOLUNTEERS, 30, "2026-01-01", "2026-12-31");
        Listing streetNeed = post(ListingKind.NEED, xiaodongmen, Category.VOLUNTEERS, 20, "2026-01-01", "2026-12-31");
        Listing bundNeed = post(ListingKind.NEED, bundInvestment, Category.VOLUNTEERS, 20, "2026-01-01", "2026-12-31");
        Matching.Accepted accepted = done(Matching.accept(List.of(
                new Matching.Pair(volunteers, streetNeed, Optional.empty()),
                new Matching.Pair(volunteers, bundNeed, Optional.empty()))));
        Map<UUID, Listing> after = byId(accepted.listings());
        assertEquals(0, after.get(volunteers.id()).remaining());
        assertEquals(10, after.get(bundNeed.id()).remaining());
        assertEquals(3, accepted.unitIds().size());

        assertRefused(ConferenceRule.MATCH_QUANTITY_EXCEEDS_REMAINING, Matching.accept(List.of(
                new Matching.Pair(volunteers, streetNeed, Optional.of(20)),
                new Matching.Pair(volunteers, bundNeed, Optional.of(20)))));
    }

    @Test
    void each_broken_rule_of_a_pair_is_named() {
        Listing training = post(ListingKind.NEED, orient, Category.TRAINING, 5, "2026-01-01", "2026-12-31");
        Listing ownNeed = post(ListingKind.NEED, bundInvestment, Category.VENUE, 3, "2026-01-01", "2026-03-31");
        Listing lateNeed = post(ListingKind.NEED, orient, Category.VENUE, 3, "2027-01-01", "2027-03-31");
        Listing withdrawn = done(post(ListingKind.NEED, orient, Category.VENUE, 3, "2026-01-01", "2026-03-31").withdraw());
        assertRefused(ConferenceRule.MATCH_NOT_OFFER_AND_NEED, accept(whiteCollarVenue, stationVenue, null));
        assertRefused(ConferenceRule.MATCH_CATEGORY_DIFFERS, accept(stationVenue, training, null));
        assertRefused(ConferenceRule.MATCH_SAME_UNIT, accept(stationVenue, ownNeed, null));
        assertRefused(ConferenceRule.MATCH_WINDOWS_DISJOINT, accept(stationVenue, lateNeed, null));
        assertRefused(ConferenceRule.LISTING_NOT_OPEN, accept(stationVenue, withdrawn, null));
        assertRefused(ConferenceRule.MATCH_QUANTITY_NOT_POSITIVE, accept(stationVenue, whiteCollarVenue, 0));
        assertRefused(ConferenceRule.MATCH_QUANTITY_EXCEEDS_REMAINING, accept(stationVenue, whiteCollarVenue, 13));
    }

    @Test
    void a_listing_is_refused_with_a_window_ending_before_it_starts_no_quantity_or_outside_membership() {
        assertRefused(ConferenceRule.LISTING_WINDOW_ENDS_BEFORE_START, Listing.post(UUID.randomUUID(), ListingKind.OFFER,
                pacific, Category.FUNDING, 1, day("2026-02-01"), day("2026-01-31")));
        assertRefused(ConferenceRule.LISTING_QUANTITY_NOT_POSITIVE, Listing.post(UUID.randomUUID(), ListingKind.OFFER,
                pacific, Category.FUNDING, 0, day("2026-01-01"), day("2026-01-31")));
        MemberUnit left = aUnit("华融资产上海分公司").leftOn(day("2026-01-15")).build();
        assertRefused(ConferenceRule.LISTING_UNIT_NOT_MEMBER, Listing.post(UUID.randomUUID(), ListingKind.OFFER,
                left, Category.FUNDING, 1, day("2026-01-01"), day("2026-01-31")));
    }

    @Test
    void only_an_open_listing_can_be_withdrawn() {
        Listing withdrawn = done(stationVenue.withdraw());
        assertEquals(ListingStatus.WITHDRAWN, withdrawn.status());
        assertRefused(ConferenceRule.LISTING_NOT_OPEN, withdrawn.withdraw());
        Listing matched = byId(done(Matching.accept(List.of(new Matching.Pair(stationVenue, whiteCollarVenue,
                Optional.empty())))).listings()).get(whiteCollarVenue.id());
        assertRefused(ConferenceRule.LISTING_NOT_OPEN, matched.withdraw());
        assertTrue(matched.remaining() == 0);
    }

    private static Outcome<Matching.Accepted> accept(Listing offer, Listing need, Integer quantity) {
        return Matching.accept(List.of(new Matching.Pair(offer, need, Optional.ofNullable(quantity))));
    }

    private static Map<UUID, Listing> byId(List<Listing> listings) {
        return listings.stream().collect(Collectors.toMap(Listing::id, Function.identity()));
    }

}
