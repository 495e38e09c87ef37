package sh.grassroots.org.tree.model;

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
        assertEquals(new Placement.Accepted(District.YANGPU), result);
    }

    @Test
    void a_branch_cannot_stand_without_a_parent() {
        assertRejected(Placement.Rule.ROOT_MUST_BE_COMMITTEE,
                Placement.decide(OrganizationKind.BRANCH, YANGPU, Optional.empty()));
    }

    @Test
    void a_committee_holds_branches_directly_and_general_branches() {
        assertInstanceOf(Placement.Accepted.class, Placement.decide(OrganizationKind.BRANCH, YANGPU, aCommittee(YANGPU)));
        assertInstanceOf(Placement.Accepted.class, Placement.decide(OrganizationKind.GENERAL_BRANCH, YANGPU, aCommittee(YANGPU)));
    }

    @Test
    void a_branch_holds_nothing() {
        var branch = Optional.of(new Placement.Parent(OrganizationKind.BRANCH, YANGPU, false));
        assertRejected(Placement.Rule.PARENT_CANNOT_HOLD_KIND, Placement.decide(OrganizationKind.BRANCH, YANGPU, branch));
    }

    @Test
    void a_general_branch_does_not_hold_a_committee() {
        var general = Optional.of(new Placement.Parent(OrganizationKind.GENERAL_BRANCH, YANGPU, false));
        assertRejected(Placement.Rule.PARENT_CANNOT_HOLD_KIND, Placement.decide(OrganizationKind.COMMITTEE, YANGPU, general));
    }

    @Test
    void a_child_stays_in_its_parents_district() {
        assertRejected(Placement.Rule.PARENT_IN_OTHER_DISTRICT,
                Placement.decide(OrganizationKind.BRANCH, HUANGPU, aCommittee(YANGPU)));
    }

    @Test
    void nothing_is_placed_under_a_dissolved_parent() {
        var dissolved = Optional.of(new Placement.Parent(OrganizationKind.COMMITTEE, YANGPU, true));
        assertRejected(Placement.Rule.PARENT_DISSOLVED, Placement.decide(OrganizationKind.BRANCH, YANGPU, dissolved));
    }

    @Test
    void an_unknown_district_code_is_rejected() {
        assertRejected(Placement.Rule.UNKNOWN_DISTRICT, Placement.decide(OrganizationKind.COMMITTEE, "999999", Optional.empty()));
    }

    @Test
    void shanghai_has_sixteen_districts_with_distinct_codes() {
        assertEquals(16, District.values().length);
        assertEquals(16, java.util.Arrays.stream(District.values()).map(District::code).distinct().count());
    }

    private static void assertRejected(Placement.Rule rule, Placement.Result result) {
        var rejected = assertInstanceOf(Placement.Rejected.class, result);
        assertEquals(rule, rejected.rule());
    }
}
