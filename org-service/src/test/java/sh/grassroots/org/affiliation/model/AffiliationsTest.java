package sh.grassroots.org.affiliation.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.org.branch.model.BranchForm;
import sh.grassroots.platform.rules.Outcome;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AffiliationsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final String YANGPU = "310110";
    static final Map<String, String> CREATOR = Map.of("city", "上海", "mainWork", "视频创作", "followers", "120000");

    final UUID home = UUID.randomUUID();

    static Affiliations.Branch upZhu() {
        return new Affiliations.Branch(UUID.randomUUID(), "UP主党支部", YANGPU, false, Optional.of(new BranchForm.Functional(
                CriteriaTest.valid(CriteriaTest.UP_ZHU))));
    }

    static Affiliations.Branch penglaiRoad(LocalDate plannedEnd) {
        return new Affiliations.Branch(UUID.randomUUID(), "蓬莱路临时党支部", "310101", false, Optional.of(
                new BranchForm.Temporary("旧改", LocalDate.of(2026, 1, 1), plannedEnd)));
    }

    Affiliations.Candidate member(Map<String, String> attributes) {
        return new Affiliations.Candidate(UUID.randomUUID(), true, home, YANGPU, attributes, false);
    }

    static AffiliationRule refusal(Outcome<?> outcome) {
        return (AffiliationRule) assertInstanceOf(Outcome.Rejected.class, outcome).rule();
    }

    @Test
    void a_creator_who_meets_the_criteria_is_affiliated_on_top_of_their_home() {
        Affiliations.Added added = ((Outcome.Done<Affiliations.Added>) Affiliations.affiliate(upZhu(), member(CREATOR), TODAY)).value();
        assertEquals("FUNCTIONAL", added.kind());
        assertEquals(TODAY, added.since());
    }

    @Test
    void a_member_who_does_not_meet_the_criteria_is_refused() {
        assertEquals(AffiliationRule.CRITERIA_NOT_MET, refusal(Affiliations.affiliate(upZhu(),
                member(Map.of("city", "上海", "mainWork", "视频创作", "followers", "10")), TODAY)));
    }

    @Test
    void anyone_of_the_district_may_join_a_temporary_branch_until_its_planned_end() {
        Affiliations.Candidate resident = new Affiliations.Candidate(UUID.randomUUID(), true, home, "310101", Map.of(), false);
        assertInstanceOf(Outcome.Done.class, Affiliations.affiliate(penglaiRoad(TODAY), resident, TODAY));
        assertEquals(AffiliationRule.TEMPORARY_BRANCH_ENDED,
                refusal(Affiliations.affiliate(penglaiRoad(TODAY.minusDays(1)), resident, TODAY)));
    }

    @Test
    void an_ordinary_grid_or_directly_managed_branch_takes_no_affiliations() {
        var ordinary = new Affiliations.Branch(UUID.randomUUID(), "第一党支部", YANGPU, false, Optional.empty());
        var beijing = new Affiliations.Branch(UUID.randomUUID(), "哔哩哔哩北京直管党支部", YANGPU, false,
                Optional.of(new BranchForm.DirectlyManaged("北京")));
        assertEquals(AffiliationRule.BRANCH_TAKES_NO_AFFILIATIONS, refusal(Affiliations.affiliate(ordinary, member(CREATOR), TODAY)));
        assertEquals(AffiliationRule.BRANCH_TAKES_NO_AFFILIATIONS, refusal(Affiliations.affiliate(beijing, member(CREATOR), TODAY)));
    }

    @Test
    void no_affiliation_to_a_dissolved_branch_to_ones_own_home_or_of_a_former_member() {
        var up = upZhu();
        var dissolved = new Affiliations.Branch(up.id(), up.name(), up.districtCode(), true, up.form());
        assertEquals(AffiliationRule.BRANCH_DISSOLVED, refusal(Affiliations.affiliate(dissolved, member(CREATOR), TODAY)));
        var atHome = new Affiliations.Candidate(UUID.randomUUID(), true, up.id(), YANGPU, CREATOR, false);
        assertEquals(AffiliationRule.OWN_HOME, refusal(Affiliations.affiliate(up, atHome, TODAY)));
        var former = new Affiliations.Candidate(UUID.randomUUID(), false, home, YANGPU, CREATOR, false);
        assertEquals(AffiliationRule.MEMBER_HAS_LEFT, refusal(Affiliations.affiliate(up, former, TODAY)));
    }

    @Test
    void one_active_affiliation_per_member_and_branch_and_members_of_the_branchs_district_only() {
        var again = new Affiliations.Candidate(UUID.randomUUID(), true, home, YANGPU, CREATOR, true);
        assertEquals(AffiliationRule.ALREADY_AFFILIATED, refusal(Affiliations.affiliate(upZhu(), again, TODAY)));
        var elsewhere = new Affiliations.Candidate(UUID.randomUUID(), true, home, "310151", CREATOR, false);
        assertEquals(AffiliationRule.MEMBER_IN_OTHER_DISTRICT, refusal(Affiliations.affiliate(upZhu(), elsewhere, TODAY)));
    }

    @Test
    void a_recheck_ends_the_affiliation_of_a_member_who_no_longer_qualifies() {
        var form = (BranchForm.Functional) upZhu().form().orElseThrow();
        UUID member = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        assertTrue(Affiliations.recheck(form, branch, member, CREATOR, TODAY).isEmpty());
        var ended = Affiliations.recheck(form, branch, member, Map.of("city", "北京", "mainWork", "视频创作",
                "followers", "120000"), TODAY).orElseThrow();
        assertEquals(EndReason.CRITERIA_NO_LONGER_MET, ended.reason());
        assertEquals(TODAY, ended.endedOn());
    }
}
