package sh.grassroots.org.branch.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.org.tree.model.OrganizationKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BranchFormsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final UUID VILLAGE = UUID.randomUUID();
    static final BranchForms.Setting UNDER_COMMITTEE = new BranchForms.Setting(OrganizationKind.BRANCH,
            Optional.of(UUID.randomUUID()), Optional.of(OrganizationKind.COMMITTEE));
    static final BranchForms.Setting UNDER_VILLAGE = new BranchForms.Setting(OrganizationKind.BRANCH,
            Optional.of(VILLAGE), Optional.of(OrganizationKind.GENERAL_BRANCH));

    static FormDraft functional(String criteria) {
        return new FormDraft(FormType.FUNCTIONAL, criteria, null, null, null, null, null, null, null, null, null);
    }

    static FormDraft temporary(LocalDate start, LocalDate end) {
        return new FormDraft(FormType.TEMPORARY, null, "蓬莱路旧改", start, end, null, null, null, null, null, null);
    }

    static FormDraft grid(Integer number, String area, List<BranchForm.LonLat> polygon, String villageName) {
        return new FormDraft(FormType.GRID, null, null, null, null, number, area == null ? null : new BigDecimal(area),
                polygon, villageName, null, null);
    }

    static FormDraft directlyManaged(String city) {
        return new FormDraft(FormType.DIRECTLY_MANAGED, null, null, null, null, null, null, null, null, city, null);
    }

    static BranchForm accepted(FormDraft draft, BranchForms.Setting setting) {
        var done = assertInstanceOf(Outcome.Done.class, BranchForms.decide(draft, setting), () -> draft.toString());
        return ((Optional<BranchForm>) done.value()).orElseThrow();
    }

    static BranchFormRule refused(FormDraft draft, BranchForms.Setting setting) {
        return (BranchFormRule) assertInstanceOf(Outcome.Rejected.class, BranchForms.decide(draft, setting)).rule();
    }

    @Test
    void up_zhu_is_a_functional_branch_with_parsed_criteria() {
        var form = (BranchForm.Functional) accepted(functional("city = \"上海\" and mainWork = \"视频创作\" and followers >= 10000"),
                UNDER_COMMITTEE);
        assertEquals("city = \"上海\" and mainWork = \"视频创作\" and followers >= 10000", form.criteria().text());
    }

    @Test
    void malformed_criteria_are_refused_with_their_position() {
        var refusal = (Outcome.Rejected<?>) BranchForms.decide(functional("followers >= "), UNDER_COMMITTEE);
        assertEquals(BranchFormRule.MALFORMED_CRITERIA, refusal.rule());
        assertTrue(refusal.detail().startsWith("At position 14"), refusal.detail());
        assertEquals(BranchFormRule.FIELD_MISSING, refused(functional(" "), UNDER_COMMITTEE));
    }

    @Test
    void a_temporary_branch_whose_planned_end_is_before_its_start_is_refused() {
        assertEquals(BranchFormRule.TEMPORARY_ENDS_BEFORE_START,
                refused(temporary(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 5, 31)), UNDER_COMMITTEE));
        accepted(temporary(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1)), UNDER_COMMITTEE);
        assertEquals(BranchFormRule.FIELD_MISSING, refused(temporary(LocalDate.of(2026, 6, 1), null), UNDER_COMMITTEE));
    }

    @Test
    void a_grid_under_its_village_general_branch_covers_that_village() {
        var form = (BranchForm.Grid) accepted(grid(1, "1.05", List.of(), null), UNDER_VILLAGE);
        assertEquals(Optional.of(VILLAGE), form.villageOrganizationId());
        assertEquals(Optional.empty(), form.villageName());
    }

    @Test
    void a_grid_elsewhere_names_its_village_or_is_refused() {
        var named = (BranchForm.Grid) accepted(grid(2, "0.9", List.of(), "园艺村"), UNDER_COMMITTEE);
        assertEquals(Optional.of("园艺村"), named.villageName());
        assertEquals(BranchFormRule.GRID_WITHOUT_VILLAGE, refused(grid(2, "0.9", List.of(), null), UNDER_COMMITTEE));
    }

    @Test
    void a_grid_with_a_non_positive_area_or_number_is_refused() {
        assertEquals(BranchFormRule.GRID_AREA_NOT_POSITIVE, refused(grid(1, "0", List.of(), null), UNDER_VILLAGE));
        assertEquals(BranchFormRule.GRID_AREA_NOT_POSITIVE, refused(grid(1, "-1.2", List.of(), null), UNDER_VILLAGE));
        assertEquals(BranchFormRule.GRID_NUMBER_NOT_POSITIVE, refused(grid(0, "1", List.of(), null), UNDER_VILLAGE));
        assertEquals(BranchFormRule.FIELD_MISSING, refused(grid(1, null, List.of(), null), UNDER_VILLAGE));
    }

    @Test
    void a_grid_polygon_needs_three_distinct_points_on_the_globe() {
        var a = new BranchForm.LonLat(121.60, 31.62);
        var b = new BranchForm.LonLat(121.61, 31.62);
        var c = new BranchForm.LonLat(121.61, 31.63);
        assertEquals(4, ((BranchForm.Grid) accepted(grid(1, "1", List.of(a, b, c, a), null), UNDER_VILLAGE)).polygon().size());
        assertEquals(BranchFormRule.GRID_POLYGON_INVALID, refused(grid(1, "1", List.of(a, b, a), null), UNDER_VILLAGE));
        assertEquals(BranchFormRule.GRID_POLYGON_INVALID,
                refused(grid(1, "1", List.of(a, b, new BranchForm.LonLat(200, 31)), null), UNDER_VILLAGE));
    }

    @Test
    void a_directly_managed_branch_is_located_outside_shanghai() {
        assertEquals("北京", ((BranchForm.DirectlyManaged) accepted(directlyManaged(" 北京 "), UNDER_COMMITTEE)).city());
        assertEquals(BranchFormRule.DIRECTLY_MANAGED_IN_SHANGHAI, refused(directlyManaged("上海"), UNDER_COMMITTEE));
        assertEquals(BranchFormRule.DIRECTLY_MANAGED_IN_SHANGHAI, refused(directlyManaged("Shanghai"), UNDER_COMMITTEE));
    }

    @Test
    void only_a_branch_takes_a_form() {
        var committee = new BranchForms.Setting(OrganizationKind.COMMITTEE, Optional.empty(), Optional.empty());
        assertEquals(BranchFormRule.FORM_ONLY_ON_BRANCH, refused(directlyManaged("北京"), committee));
        var generalBranch = new BranchForms.Setting(OrganizationKind.GENERAL_BRANCH, Optional.empty(), Optional.empty());
        assertEquals(BranchFormRule.FORM_ONLY_ON_BRANCH, refused(functional("a = 1"), generalBranch));
    }

    @Test
    void a_field_of_another_form_is_refused_rather_than_ignored() {
        var draft = new FormDraft(FormType.DIRECTLY_MANAGED, "a = 1", null, null, null, null, null, null, null, "北京", null);
        var refusal = (Outcome.Rejected<?>) BranchForms.decide(draft, UNDER_COMMITTEE);
        assertEquals(BranchFormRule.FIELD_NOT_FOR_FORM, refusal.rule());
        assertTrue(refusal.detail().contains("criteria"));
    }

    @Test
    void ordinary_is_no_form() {
        var ordinary = new FormDraft(FormType.ORDINARY, null, null, null, null, null, null, null, null, null, null);
        assertEquals(Optional.empty(), ((Outcome.Done<Optional<BranchForm>>) BranchForms.decide(ordinary, UNDER_COMMITTEE)).value());
    }

    @Test
    void a_temporary_branch_is_due_the_day_after_its_planned_end_and_extends_only_later() {
        var form = new BranchForm.Temporary("旧改", LocalDate.of(2026, 1, 1), TODAY);
        assertTrue(!form.isDue(TODAY));
        assertTrue(form.isDue(TODAY.plusDays(1)));
        var extended = ((Outcome.Done<BranchForm.Temporary>) form.extendTo(TODAY.plusMonths(3), TODAY)).value();
        assertEquals(TODAY.plusMonths(3), extended.plannedEndOn());
        assertEquals(BranchFormRule.EXTENSION_NOT_LATER,
                ((Outcome.Rejected<?>) form.extendTo(TODAY, TODAY)).rule());
        var overdue = new BranchForm.Temporary("旧改", LocalDate.of(2026, 1, 1), TODAY.minusDays(10));
        assertEquals(BranchFormRule.EXTENSION_IN_PAST,
                ((Outcome.Rejected<?>) overdue.extendTo(TODAY.minusDays(1), TODAY)).rule());
    }
}
