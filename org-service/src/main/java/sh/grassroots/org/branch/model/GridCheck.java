package sh.grassroots.org.branch.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The checks of a village's micro-grids (园艺村: one grid per ~1 km², 15–20 members each): the
 * grid numbers should run 1..n without gaps, the grids together should cover the village's area
 * when it is known, and each grid should hold 15 to 20 members. Findings are flags for the
 * organizer, every one reported.
 */
public final class GridCheck {
    static final int GUIDELINE_MINIMUM = 15;
    static final int GUIDELINE_MAXIMUM = 20;

    public enum GridRule {
        NUMBERS_MISSING("grid-numbers-missing"),
        NUMBERS_DUPLICATED("grid-numbers-duplicated"),
        AREA_UNCOVERED("grid-area-uncovered"),
        AREA_EXCEEDS_VILLAGE("grid-area-exceeds-village"),
        HOUSEHOLDS_UNCOVERED("grid-households-uncovered"),
        HOUSEHOLDS_EXCEED_VILLAGE("grid-households-exceed-village"),
        MEMBERS_BELOW_GUIDELINE("grid-members-below-guideline"),
        MEMBERS_ABOVE_GUIDELINE("grid-members-above-guideline");

        private final String slug;

        GridRule(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    /** A grid branch of the village and its active (home) members. */
    public record GridFacts(UUID organizationId, String name, int number, BigDecimal areaKm2, long members) {
    }

    /** @param organizationId the grid concerned, or null for a finding about the village as a whole */
    public record Flag(GridRule rule, UUID organizationId, String detail) {
    }

    public record Report(int grids, List<Integer> missingNumbers, BigDecimal gridAreaKm2,
                         Optional<BigDecimal> villageAreaKm2, Optional<BigDecimal> uncoveredAreaKm2, List<Flag> flags) {
    }

    private GridCheck() {
    }

    public static Report check(Optional<BigDecimal> villageArea, List<GridFacts> grids) {
        List<Flag> flags = new ArrayList<>();
        Map<Integer, List<GridFacts>> byNumber = grids.stream()
                .collect(Collectors.groupingBy(GridFacts::number, TreeMap::new, Collectors.toList()));
        int highest = byNumber.isEmpty() ? 0 : ((TreeMap<Integer, List<GridFacts>>) byNumber).lastKey();
        List<Integer> missing = new ArrayList<>();
        for (int n = 1; n < highest; n++) {
            if (!byNumber.containsKey(n)) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            flags.add(new Flag(GridRule.NUMBERS_MISSING, null, "Grid number(s) " + missing
                    + " are missing from the sequence 1.." + highest));
        }
        byNumber.forEach((number, same) -> {
            if (same.size() > 1) {
                flags.add(new Flag(GridRule.NUMBERS_DUPLICATED, null, "Grid number " + number + " is used by "
                        + same.stream().map(GridFacts::name).toList()));
            }
        });
        BigDecimal covered = grids.stream().map(GridFacts::areaKm2).reduce(BigDecimal.ZERO, BigDecimal::add);
        Optional<BigDecimal> uncovered = villageArea.map(total -> total.subtract(covered).max(BigDecimal.ZERO));
        villageArea.ifPresent(total -> {
            int c = covered.compareTo(total);
            if (c < 0) {
                flags.add(new Flag(GridRule.AREA_UNCOVERED, null, "The grids cover " + covered.toPlainString()
                        + " of the village's " + total.toPlainString() + " km²; "
                        + total.subtract(covered).toPlainString() + " km² belong to no grid"));
            } else if (c > 0) {
                flags.add(new Flag(GridRule.AREA_EXCEEDS_VILLAGE, null, "The grids add up to " + covered.toPlainString()
                        + " km², more than the village's " + total.toPlainString() + " km²: grids overlap or an area is wrong"));
            }
        });
        grids.stream().sorted(Comparator.comparingInt(GridFacts::number))
                .forEach(grid -> memberGuideline(grid.organizationId(), grid.name(), grid.members()).ifPresent(flags::add));
        return new Report(grids.size(), List.copyOf(missing), covered, villageArea, uncovered, List.copyOf(flags));
    }

    /**
     * The households the grids count, against the village's own count.
     *
     * @param inGrids the grids' households added up, those not counted left out
     * @param uncounted how many grids have no count
     */
    public record Households(int inGrids, int uncounted, Optional<Integer> village, List<Flag> flags) {
    }

    /**
     * Every household of the village should live in exactly one grid: the grids' counts added up
     * should equal the village's. Nothing to compare while the village's count is unknown.
     */
    public static Households households(Optional<Integer> village, List<Optional<Integer>> grids) {
        int inGrids = grids.stream().flatMap(Optional::stream).mapToInt(Integer::intValue).sum();
        int uncounted = (int) grids.stream().filter(Optional::isEmpty).count();
        List<Flag> flags = new ArrayList<>();
        village.ifPresent(total -> {
            if (inGrids < total) {
                flags.add(new Flag(GridRule.HOUSEHOLDS_UNCOVERED, null, "The grids count " + inGrids + " of the village's "
                        + total + " households" + (uncounted > 0 ? "; " + uncounted + " grid(s) have no count" : "")));
            } else if (inGrids > total) {
                flags.add(new Flag(GridRule.HOUSEHOLDS_EXCEED_VILLAGE, null, "The grids count " + inGrids
                        + " households, more than the village's " + total));
            }
        });
        return new Households(inGrids, uncounted, village, List.copyOf(flags));
    }

    /** One grid against the 15–20 member guideline. */
    public static Optional<Flag> memberGuideline(UUID organizationId, String name, long members) {
        if (members < GUIDELINE_MINIMUM) {
            return Optional.of(new Flag(GridRule.MEMBERS_BELOW_GUIDELINE, organizationId, name + " has "
                    + members + " member(s); a grid usually has " + GUIDELINE_MINIMUM + "-" + GUIDELINE_MAXIMUM));
        }
        if (members > GUIDELINE_MAXIMUM) {
            return Optional.of(new Flag(GridRule.MEMBERS_ABOVE_GUIDELINE, organizationId, name + " has "
                    + members + " members; a grid usually has " + GUIDELINE_MINIMUM + "-" + GUIDELINE_MAXIMUM));
        }
        return Optional.empty();
    }
}
