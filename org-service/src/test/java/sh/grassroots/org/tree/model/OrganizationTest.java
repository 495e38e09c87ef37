package sh.grassroots.org.tree.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.platform.rules.Outcome;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static sh.grassroots.org.tree.model.Organizations.aBranch;
import static sh.grassroots.org.tree.model.Organizations.aCommittee;
import static sh.grassroots.org.tree.model.Organizations.aGeneralBranch;

class OrganizationTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private final ActiveOrganization bilibili = aCommittee().build();
    private final ActiveOrganization general = aGeneralBranch().under(bilibili).build();
    private final ActiveOrganization branch = aBranch().under(general).build();

    @Test
    void a_rename_records_the_old_and_the_new_name() {
        var renamed = done(bilibili.rename("  哔哩哔哩公司党委 "));
        assertEquals(new TreeChange.Renamed(bilibili.id(), "哔哩哔哩党委", "哔哩哔哩公司党委"), renamed);
    }

    @Test
    void renaming_to_the_same_name_is_refused() {
        assertRefused(TreeRule.NAME_UNCHANGED, bilibili.rename("哔哩哔哩党委 "));
    }

    @Test
    void a_branch_moved_to_another_general_branch_takes_its_new_path() {
        var other = aGeneralBranch().named("园艺村党总支").under(bilibili).build();
        var moved = done(branch.moveUnder(Optional.of(other)));
        assertEquals(Optional.of(general.id()), moved.oldParentId());
        assertEquals(Optional.of(other.id()), moved.newParentId());
        assertEquals(other.path().child(branch.id()), moved.newPath());
        assertEquals(branch.path(), moved.oldPath());
    }

    @Test
    void a_general_branch_cannot_move_below_its_own_branch() {
        assertRefused(TreeRule.MOVE_WOULD_CREATE_CYCLE, general.moveUnder(Optional.of(branch)));
    }

    @Test
    void an_organization_cannot_become_its_own_parent() {
        assertRefused(TreeRule.MOVE_WOULD_CREATE_CYCLE, general.moveUnder(Optional.of(general)));
    }

    @Test
    void a_committee_cannot_move_below_its_grandchild_even_where_kinds_would_allow_it() {
        var committeeBelow = aCommittee().named("某公司党委").build();
        var generalBelow = aGeneralBranch().under(committeeBelow).build();
        // The cycle is the first answer: it is the more fundamental mistake.
        assertRefused(TreeRule.MOVE_WOULD_CREATE_CYCLE, committeeBelow.moveUnder(Optional.of(generalBelow)));
    }

    @Test
    void moving_to_the_current_parent_is_refused() {
        assertRefused(TreeRule.MOVE_TO_CURRENT_PARENT, branch.moveUnder(Optional.of(general)));
    }

    @Test
    void a_branch_can_move_directly_under_a_committee() {
        var moved = done(branch.moveUnder(Optional.of(bilibili)));
        assertEquals(bilibili.path().child(branch.id()), moved.newPath());
    }

    @Test
    void a_general_branch_cannot_move_under_a_branch() {
        var otherBranch = aBranch().named("第二党支部").under(bilibili).build();
        assertRefused(TreeRule.PARENT_CANNOT_HOLD_KIND, general.moveUnder(Optional.of(otherBranch)));
    }

    @Test
    void a_branch_cannot_move_to_another_district() {
        var huangpu = aCommittee().named("老西门街道党工委").inDistrict(District.HUANGPU).build();
        assertRefused(TreeRule.PARENT_IN_OTHER_DISTRICT, branch.moveUnder(Optional.of(huangpu)));
    }

    @Test
    void nothing_moves_under_a_dissolved_organization() {
        var closed = aGeneralBranch().named("旧改临时党总支").under(bilibili).dissolvedOn(TODAY).buildDissolved();
        assertRefused(TreeRule.PARENT_DISSOLVED, branch.moveUnder(Optional.of(closed)));
    }

    @Test
    void only_a_committee_may_become_the_top_of_a_tree() {
        assertRefused(TreeRule.ROOT_MUST_BE_COMMITTEE, branch.moveUnder(Optional.empty()));
        var committeeUnderNothing = aCommittee().build();
        assertRefused(TreeRule.MOVE_TO_CURRENT_PARENT, committeeUnderNothing.moveUnder(Optional.empty()));
    }

    @Test
    void an_empty_branch_is_dissolved_with_its_date_and_document() {
        var dissolved = done(branch.dissolve(TODAY.minusDays(1), "沪杨委〔2026〕12号", TODAY, 0, 0));
        assertEquals(new TreeChange.Dissolved(branch.id(), TODAY.minusDays(1), "沪杨委〔2026〕12号"), dissolved);
    }

    @Test
    void an_organization_with_active_children_is_not_dissolved() {
        assertRefused(TreeRule.HAS_ACTIVE_CHILDREN, general.dissolve(TODAY, "doc", TODAY, 1, 0));
    }

    @Test
    void a_branch_that_is_still_home_to_members_is_not_dissolved() {
        assertRefused(TreeRule.HAS_ACTIVE_MEMBERS, branch.dissolve(TODAY, "doc", TODAY, 0, 3));
    }

    @Test
    void a_dissolution_cannot_predate_the_founding() {
        var young = aBranch().under(general).foundedOn(TODAY.minusDays(10)).build();
        assertRefused(TreeRule.DISSOLVED_BEFORE_FOUNDING, young.dissolve(TODAY.minusDays(11), "doc", TODAY, 0, 0));
    }

    @Test
    void a_dissolution_cannot_be_dated_in_the_future() {
        assertRefused(TreeRule.DISSOLVED_IN_FUTURE, branch.dissolve(TODAY.plusDays(1), "doc", TODAY, 0, 0));
    }

    @Test
    void a_dissolved_organization_reports_itself_dissolved_to_would_be_children() {
        var closed = aBranch().under(general).dissolvedOn(TODAY).buildDissolved();
        assertEquals(true, closed.asParent().dissolved());
        assertEquals(false, branch.asParent().dissolved());
    }

    @SuppressWarnings("unchecked")
    private static <T> T done(Outcome<T> outcome) {
        return ((Outcome.Done<T>) assertInstanceOf(Outcome.Done.class, outcome, () -> "refused: " + outcome)).value();
    }

    private static void assertRefused(TreeRule rule, Outcome<?> outcome) {
        var refused = assertInstanceOf(Outcome.Rejected.class, outcome, () -> "allowed: " + outcome);
        assertEquals(rule, refused.rule());
    }
}
