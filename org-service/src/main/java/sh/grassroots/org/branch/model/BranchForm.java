package sh.grassroots.org.branch.model;

import sh.grassroots.org.affiliation.model.Criteria;
import sh.grassroots.platform.rules.Outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** What makes a branch more than an ordinary one; each form carries the facts its rules need. */
public sealed interface BranchForm permits BranchForm.Functional, BranchForm.Temporary, BranchForm.Grid,
        BranchForm.DirectlyManaged {

    FormType type();

    /** 功能型党支部: members chosen by criteria, affiliated on top of their home branch. */
    record Functional(Criteria criteria) implements BranchForm {
        public Functional {
            Objects.requireNonNull(criteria, "criteria");
        }

        @Override
        public FormType type() {
            return FormType.FUNCTIONAL;
        }
    }

    /** 临时党支部: set up for a task and dissolved at its planned end unless extended. */
    record Temporary(String purpose, LocalDate startsOn, LocalDate plannedEndOn) implements BranchForm {
        public Temporary {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(startsOn, "startsOn");
            Objects.requireNonNull(plannedEndOn, "plannedEndOn");
        }

        @Override
        public FormType type() {
            return FormType.TEMPORARY;
        }

        /** The task is over once its planned end has passed: the day after it, nobody is affiliated. */
        public boolean isDue(LocalDate today) {
            return plannedEndOn.isBefore(today);
        }

        /** Moves the planned end later; an extension that shortens or keeps the end is no extension. */
        public Outcome<Temporary> extendTo(LocalDate newPlannedEnd, LocalDate today) {
            if (!newPlannedEnd.isAfter(plannedEndOn)) {
                return Outcome.rejected(BranchFormRule.EXTENSION_NOT_LATER,
                        "The planned end is " + plannedEndOn + "; an extension must move it later, not to " + newPlannedEnd);
            }
            if (newPlannedEnd.isBefore(today)) {
                return Outcome.rejected(BranchFormRule.EXTENSION_IN_PAST,
                        "The new planned end " + newPlannedEnd + " has already passed");
            }
            return Outcome.done(new Temporary(purpose, startsOn, newPlannedEnd));
        }
    }

    /** A point of a grid's boundary, WGS84 degrees. */
    record LonLat(double lon, double lat) {
    }

    /**
     * 微网格党支部: a territorial branch of a village. The village is the general branch above
     * it ({@code villageOrganizationId}) or, where the village has no general branch, its name.
     * {@code households}: how many households live in the grid, when counted (the village's grid
     * check adds them up against the village's own count).
     */
    record Grid(int number, BigDecimal areaKm2, List<LonLat> polygon, Optional<UUID> villageOrganizationId,
                Optional<String> villageName, Optional<Integer> households) implements BranchForm {
        public Grid {
            Objects.requireNonNull(households, "households");
            Objects.requireNonNull(areaKm2, "areaKm2");
            polygon = List.copyOf(polygon);
            Objects.requireNonNull(villageOrganizationId, "villageOrganizationId");
            Objects.requireNonNull(villageName, "villageName");
        }

        @Override
        public FormType type() {
            return FormType.GRID;
        }
    }

    /** 直管党支部: located in another city, reporting to its Shanghai parent. */
    record DirectlyManaged(String city) implements BranchForm {
        public DirectlyManaged {
            Objects.requireNonNull(city, "city");
        }

        @Override
        public FormType type() {
            return FormType.DIRECTLY_MANAGED;
        }
    }
}
