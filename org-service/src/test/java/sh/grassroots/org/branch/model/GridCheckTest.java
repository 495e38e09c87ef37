package sh.grassroots.org.branch.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridCheckTest {
    static GridCheck.GridFacts grid(int number, String area, long members) {
        return new GridCheck.GridFacts(UUID.randomUUID(), "第" + number + "网格", number, new BigDecimal(area), members);
    }

    static List<String> rules(GridCheck.Report report) {
        return report.flags().stream().map(f -> f.rule().slug()).toList();
    }

    @Test
    void yuanyi_village_with_three_grids_of_about_twenty_members_covering_its_area_has_no_flags() {
        var report = GridCheck.check(Optional.of(new BigDecimal("3.1")),
                List.of(grid(1, "1.0", 20), grid(2, "1.1", 21 - 1), grid(3, "1.0", 22 - 2)));
        assertEquals(List.of(), report.flags());
        assertEquals(new BigDecimal("0.0"), report.uncoveredAreaKm2().orElseThrow());
        assertEquals(3, report.grids());
    }

    @Test
    void a_gap_in_the_numbers_is_reported_with_the_missing_numbers() {
        var report = GridCheck.check(Optional.empty(), List.of(grid(1, "1", 16), grid(4, "1", 16), grid(2, "1", 16)));
        assertEquals(List.of(3), report.missingNumbers());
        assertEquals(List.of("grid-numbers-missing"), rules(report));
    }

    @Test
    void an_area_no_grid_covers_is_reported_when_the_village_area_is_known() {
        var report = GridCheck.check(Optional.of(new BigDecimal("3.1")), List.of(grid(1, "1.0", 16), grid(2, "1.0", 16)));
        assertEquals(new BigDecimal("1.1"), report.uncoveredAreaKm2().orElseThrow());
        assertEquals(List.of("grid-area-uncovered"), rules(report));
        assertTrue(GridCheck.check(Optional.empty(), List.of(grid(1, "1.0", 16))).uncoveredAreaKm2().isEmpty());
    }

    @Test
    void grids_adding_up_to_more_than_the_village_are_flagged() {
        var report = GridCheck.check(Optional.of(new BigDecimal("2")), List.of(grid(1, "1.5", 16), grid(2, "1.5", 16)));
        assertEquals(List.of("grid-area-exceeds-village"), rules(report));
    }

    @Test
    void grids_outside_fifteen_to_twenty_members_are_flagged_each() {
        var small = grid(1, "1", 14);
        var large = grid(2, "1", 21);
        var report = GridCheck.check(Optional.empty(), List.of(large, small, grid(3, "1", 15)));
        assertEquals(List.of("grid-members-below-guideline", "grid-members-above-guideline"), rules(report));
        assertEquals(small.organizationId(), report.flags().get(0).organizationId());
    }

    @Test
    void two_grids_with_one_number_are_flagged() {
        var report = GridCheck.check(Optional.empty(), List.of(grid(1, "1", 16), grid(1, "1", 16)));
        assertEquals(List.of("grid-numbers-duplicated"), rules(report));
    }

    @Test
    void yuanyi_villages_grids_counting_all_835_households_raise_no_household_flag() {
        var households = GridCheck.households(Optional.of(835),
                List.of(Optional.of(290), Optional.of(260), Optional.of(285)));
        assertEquals(835, households.inGrids());
        assertEquals(List.of(), households.flags());
    }

    @Test
    void households_no_grid_counts_and_grids_counting_more_than_the_village_are_flagged() {
        var uncovered = GridCheck.households(Optional.of(835), List.of(Optional.of(290), Optional.empty()));
        assertEquals(1, uncovered.uncounted());
        assertEquals(List.of(GridCheck.GridRule.HOUSEHOLDS_UNCOVERED), uncovered.flags().stream().map(GridCheck.Flag::rule).toList());
        var exceeding = GridCheck.households(Optional.of(835), List.of(Optional.of(500), Optional.of(400)));
        assertEquals(List.of(GridCheck.GridRule.HOUSEHOLDS_EXCEED_VILLAGE), exceeding.flags().stream().map(GridCheck.Flag::rule).toList());
        assertEquals(List.of(), GridCheck.households(Optional.empty(), List.of(Optional.of(1))).flags());
    }
}
