package sh.grassroots.org.tree.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static sh.grassroots.org.tree.model.OrganizationKind.BRANCH;
import static sh.grassroots.org.tree.model.OrganizationKind.COMMITTEE;
import static sh.grassroots.org.tree.model.OrganizationKind.GENERAL_BRANCH;
import static sh.grassroots.org.tree.model.SizePolicy.SizeRule.BRANCH_NEEDS_THREE_FULL_MEMBERS;
import static sh.grassroots.org.tree.model.SizePolicy.SizeRule.BRANCH_OVER_FIFTY_SHOULD_SPLIT;
import static sh.grassroots.org.tree.model.SizePolicy.SizeRule.COMMITTEE_BELOW_USUAL_SIZE;
import static sh.grassroots.org.tree.model.SizePolicy.SizeRule.GENERAL_BRANCH_OUTSIDE_USUAL_RANGE;

class SizePolicyTest {

    private static List<SizePolicy.SizeRule> flagsOf(OrganizationKind kind, long full, long probationary) {
        return SizePolicy.flags(kind, new SizePolicy.Counts(full, probationary)).stream().map(SizePolicy.Flag::rule).toList();
    }

    @Test
    void a_branch_with_three_full_members_is_not_flagged() {
        assertEquals(List.of(), flagsOf(BRANCH, 3, 0));
    }

    @Test
    void probationary_members_do_not_make_up_for_missing_full_members() {
        assertEquals(List.of(BRANCH_NEEDS_THREE_FULL_MEMBERS), flagsOf(BRANCH, 2, 10));
    }

    @Test
    void a_branch_of_fifty_is_fine_and_of_fifty_one_should_split() {
        assertEquals(List.of(), flagsOf(BRANCH, 45, 5));
        assertEquals(List.of(BRANCH_OVER_FIFTY_SHOULD_SPLIT), flagsOf(BRANCH, 46, 5));
    }

    @Test
    void a_general_branch_is_flagged_outside_fifty_to_a_hundred() {
        assertEquals(List.of(GENERAL_BRANCH_OUTSIDE_USUAL_RANGE), flagsOf(GENERAL_BRANCH, 40, 9));
        assertEquals(List.of(), flagsOf(GENERAL_BRANCH, 50, 0));
        assertEquals(List.of(), flagsOf(GENERAL_BRANCH, 90, 10));
        assertEquals(List.of(GENERAL_BRANCH_OUTSIDE_USUAL_RANGE), flagsOf(GENERAL_BRANCH, 100, 1));
    }

    @Test
    void a_committee_under_a_hundred_members_is_flagged_and_bilibilis_440_are_not() {
        assertEquals(List.of(COMMITTEE_BELOW_USUAL_SIZE), flagsOf(COMMITTEE, 99, 0));
        assertEquals(List.of(), flagsOf(COMMITTEE, 420, 20));
    }

    @Test
    void an_empty_branch_gets_exactly_the_minimum_flag() {
        var flags = SizePolicy.flags(BRANCH, new SizePolicy.Counts(0, 0));
        assertEquals(1, flags.size());
        assertEquals("The branch has 0 full member(s); it needs at least 3", flags.get(0).detail());
    }
}
