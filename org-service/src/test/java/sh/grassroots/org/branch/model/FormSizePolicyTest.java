package sh.grassroots.org.branch.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.org.tree.model.OrganizationKind;
import sh.grassroots.org.tree.model.SizePolicy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormSizePolicyTest {
    static final SizePolicy.Counts NOBODY = new SizePolicy.Counts(0, 0);

    static List<String> rules(FormSizePolicy.Assessment assessment) {
        return assessment.flags().stream().map(FormSizePolicy.Flag::rule).toList();
    }

    @Test
    void a_functional_branch_is_measured_by_its_affiliations_not_by_homes() {
        var upZhu = FormSizePolicy.assess(UUID.randomUUID(), "UP主党支部", OrganizationKind.BRANCH,
                Optional.of(FormType.FUNCTIONAL), NOBODY, new SizePolicy.Counts(12, 1));
        assertEquals(FormSizePolicy.Basis.AFFILIATIONS, upZhu.basis());
        assertEquals(13, upZhu.counts().total());
        assertEquals(List.of(), rules(upZhu));
    }

    @Test
    void a_temporary_branch_with_two_full_affiliates_needs_three_and_one_over_fifty_should_split() {
        assertEquals(List.of("size-branch-needs-three-full-members"), rules(FormSizePolicy.assess(UUID.randomUUID(),
                "蓬莱路临时党支部", OrganizationKind.BRANCH, Optional.of(FormType.TEMPORARY), new SizePolicy.Counts(30, 0),
                new SizePolicy.Counts(2, 5))));
        assertEquals(List.of("size-branch-over-fifty-should-split"), rules(FormSizePolicy.assess(UUID.randomUUID(),
                "蓬莱路临时党支部", OrganizationKind.BRANCH, Optional.of(FormType.TEMPORARY), NOBODY,
                new SizePolicy.Counts(51, 0))));
    }

    @Test
    void a_grid_is_also_held_to_fifteen_to_twenty_members() {
        var small = FormSizePolicy.assess(UUID.randomUUID(), "第一网格", OrganizationKind.BRANCH, Optional.of(FormType.GRID),
                new SizePolicy.Counts(10, 2), NOBODY);
        assertEquals(FormSizePolicy.Basis.HOME_SUBTREE, small.basis());
        assertEquals(List.of("grid-members-below-guideline"), rules(small));
        assertEquals(List.of(), rules(FormSizePolicy.assess(UUID.randomUUID(), "第二网格", OrganizationKind.BRANCH,
                Optional.of(FormType.GRID), new SizePolicy.Counts(18, 0), NOBODY)));
    }

    @Test
    void ordinary_organizations_keep_the_size_policy_on_their_subtree() {
        assertEquals(List.of("size-branch-needs-three-full-members"), rules(FormSizePolicy.assess(UUID.randomUUID(),
                "第一党支部", OrganizationKind.BRANCH, Optional.empty(), new SizePolicy.Counts(2, 0), new SizePolicy.Counts(9, 0))));
        assertEquals(List.of("size-general-branch-outside-usual-range"), rules(FormSizePolicy.assess(UUID.randomUUID(),
                "园艺村党总支", OrganizationKind.GENERAL_BRANCH, Optional.empty(), new SizePolicy.Counts(40, 2), NOBODY)));
        assertEquals(List.of("size-committee-below-usual-size"), rules(FormSizePolicy.assess(UUID.randomUUID(),
                "港沿镇党委", OrganizationKind.COMMITTEE, Optional.empty(), new SizePolicy.Counts(99, 0), NOBODY)));
    }
}
