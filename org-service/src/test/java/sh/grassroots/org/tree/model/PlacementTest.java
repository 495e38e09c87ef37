package sh.grassroots.org.tree.model;

import sh.grassroots.platform.rules.Outcome;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class PlacementTest {
    private static final String YANGPU = District.YANGPU.code();
    private static final String HUANGPU = District.HUANGPU.code();

    private static Optional<Placement.Parent> aCommittee(String district) {
        return Optional.of(new Placement.Parent(OrganizationKind.COMMITTEE, district, false));
    }

    @Test
    void a_committee_may_stand_at_the_top_of_a_district_tree() {
        var result = Placement.decide(OrganizationKind.COMMITTEE, YANGPU, Optional.empty());
        assertEquals(Outcome.done(District.YANGPU), result);
    }

    @Test
    void a_branch_cannot_stand_without_a_parent() {
        assertRejected(TreeRule.ROOT_MUST_BE_COMMITTEE,
                Placement.decide(OrganizationKind.BRANCH, YANGPU, Optional.empty()));
    }

    @Test
    void a_committee_holds_branches_directly_and_general_branches() {
        assertInstanceOf(Outcome.Done.class, Placement.decide(OrganizationKind.BRANCH, YANGPU, aCommittee(YANGPU)));
        assertInstanceOf(Outcome.Done.class, Placement.decide(OrganizationKind.GENERAL_BRANCH, YANGPU, aCommittee(YANGPU)));
    }

    @Test
    void a_branch_holds_nothing() {
        var branch = Optional.of(new Placement.Parent(OrganizationKind.BRANCH, YANGPU, false));
        assertRejected(TreeRule.PARENT_CANNOT_HOLD_KIND, Placement.decide(OrganizationKind.BRANCH, YANGPU, branch));
    }

    @Test
    void a_general_branch_does_not_hold_a_committee() {
        var general = Optional.of(new Placement.Parent(OrganizationKind.GENERAL_BRANCH, YANGPU, false));
        assertRejected(TreeRule.PARENT_CANNOT_HOLD_KIND, Placement.decide(OrganizationKind.COMMITTEE, YANGPU, general));
    }

    @Test
    void a_child_stays_in_its_parents_district() {
        assertRejected(TreeRule.PARENT_IN_OTHER_DISTRICT,
                Placement.decide(OrganizationKind.BRANCH, HUANGPU, aCommittee(YANGPU)));
    }

    @Test
    void nothing_is_placed_under_a_dissolved_parent() {
        var dissolved = Optional.of(new Placement.Parent(OrganizationKind.COMMITTEE, YANGPU, true));
        assertRejected(TreeRule.PARENT_DISSOLVED, Placement.decide(OrganizationKind.BRANCH, YANGPU, dissolved));
    }

    @Test
    void an_unknown_district_code_is_rejected() {
        assertRejected(TreeRule.UNKNOWN_DISTRICT, Placement.decide(OrganizationKind.COMMITTEE, "999999", Optional.empty()));
    }

    @Test
    void shanghai_has_sixteen_districts_with_distinct_codes() {
        assertEquals(16, District.values().length);
        assertEquals(16, java.util.Arrays.stream(District.values()).map(District::code).distinct().count());
    }

    private static void assertRejected(TreeRule rule, Outcome<District> result) {
        var rejected = assertInstanceOf(Outcome.Rejected.class, result);
        assertEquals(rule, rejected.rule());
    }
}
