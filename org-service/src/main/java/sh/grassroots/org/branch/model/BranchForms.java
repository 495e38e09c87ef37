package sh.grassroots.org.branch.model;

import sh.grassroots.org.affiliation.model.Criteria;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.org.tree.model.OrganizationKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Whether an organization being set up may take the form its draft describes. Rules in order,
 * the first refusal wins. ORDINARY gives an empty form.
 */
public final class BranchForms {
    /** Spellings of Shanghai that a directly managed branch cannot be located in. */
    private static final List<String> SHANGHAI = List.of("上海", "上海市", "shanghai", "sh");

    /** The place a branch is set up in, as far as its form is concerned. */
    public record Setting(OrganizationKind kind, Optional<UUID> parentId, Optional<OrganizationKind> parentKind) {
    }

    private BranchForms() {
    }

    public static Outcome<Optional<BranchForm>> decide(FormDraft draft, Setting setting) {
        if (draft == null || draft.type() == null) {
            return Outcome.rejected(BranchFormRule.FIELD_MISSING, "A form needs its type");
        }
        if (setting.kind() != OrganizationKind.BRANCH) {
            return Outcome.rejected(BranchFormRule.FORM_ONLY_ON_BRANCH,
                    "Only a BRANCH takes a form; this is a " + setting.kind());
        }
        Optional<String> stray = strayField(draft);
        if (stray.isPresent()) {
            return Outcome.rejected(BranchFormRule.FIELD_NOT_FOR_FORM,
                    "The field " + stray.get() + " does not belong to a " + draft.type() + " branch");
        }
        return switch (draft.type()) {
            case ORDINARY -> Outcome.done(Optional.empty());
            case FUNCTIONAL -> functional(draft);
            case TEMPORARY -> temporary(draft);
            case GRID -> grid(draft, setting);
            case DIRECTLY_MANAGED -> directlyManaged(draft);
        };
    }

    static Outcome<Optional<BranchForm>> functional(FormDraft draft) {
        if (blank(draft.criteria())) {
            return missing("criteria", FormType.FUNCTIONAL);
        }
        Criteria.Parsed parsed = Criteria.parse(draft.criteria());
        if (parsed instanceof Criteria.Malformed malformed) {
            return Outcome.rejected(BranchFormRule.MALFORMED_CRITERIA, malformed.message());
        }
        return Outcome.done(Optional.of(new BranchForm.Functional(((Criteria.Valid) parsed).criteria())));
    }

    static Outcome<Optional<BranchForm>> temporary(FormDraft draft) {
        if (blank(draft.purpose())) {
            return missing("purpose", FormType.TEMPORARY);
        }
        if (draft.startsOn() == null) {
            return missing("startsOn", FormType.TEMPORARY);
        }
        if (draft.plannedEndOn() == null) {
            return missing("plannedEndOn", FormType.TEMPORARY);
        }
        if (draft.plannedEndOn().isBefore(draft.startsOn())) {
            return Outcome.rejected(BranchFormRule.TEMPORARY_ENDS_BEFORE_START,
                    "The planned end " + draft.plannedEndOn() + " is before the start " + draft.startsOn());
        }
        return Outcome.done(Optional.of(new BranchForm.Temporary(draft.purpose().strip(), draft.startsOn(),
                draft.plannedEndOn())));
    }

    static Outcome<Optional<BranchForm>> grid(FormDraft draft, Setting setting) {
        if (draft.gridNumber() == null) {
            return missing("gridNumber", FormType.GRID);
        }
        if (draft.areaKm2() == null) {
            return missing("areaKm2", FormType.GRID);
        }
        if (draft.gridNumber() <= 0) {
            return Outcome.rejected(BranchFormRule.GRID_NUMBER_NOT_POSITIVE,
                    "Grids are numbered from 1; " + draft.gridNumber() + " is no grid number");
        }
        if (draft.areaKm2().compareTo(BigDecimal.ZERO) <= 0) {
            return Outcome.rejected(BranchFormRule.GRID_AREA_NOT_POSITIVE,
                    "A grid covers some ground; " + draft.areaKm2().toPlainString() + " km² is not an area");
        }
        if (draft.households() != null && draft.households() < 0) {
            return Outcome.rejected(BranchFormRule.GRID_HOUSEHOLDS_NEGATIVE,
                    draft.households() + " is no number of households");
        }
        List<BranchForm.LonLat> polygon = draft.polygon() == null ? List.of() : draft.polygon();
        Optional<String> badPolygon = polygonProblem(polygon);
        if (badPolygon.isPresent()) {
            return Outcome.rejected(BranchFormRule.GRID_POLYGON_INVALID, badPolygon.get());
        }
        Optional<UUID> village = setting.parentKind().filter(k -> k == OrganizationKind.GENERAL_BRANCH)
                .flatMap(k -> setting.parentId());
        Optional<String> villageName = Optional.ofNullable(draft.villageName()).map(String::strip).filter(s -> !s.isEmpty());
        if (village.isEmpty() && villageName.isEmpty()) {
            return Outcome.rejected(BranchFormRule.GRID_WITHOUT_VILLAGE, "A grid covers part of a village: set it up "
                    + "under the village's general branch or name the village (villageName)");
        }
        return Outcome.done(Optional.of(new BranchForm.Grid(draft.gridNumber(), draft.areaKm2(), polygon, village,
                village.isPresent() ? Optional.empty() : villageName, Optional.ofNullable(draft.households()))));
    }

    static Outcome<Optional<BranchForm>> directlyManaged(FormDraft draft) {
        if (blank(draft.city())) {
            return missing("city", FormType.DIRECTLY_MANAGED);
        }
        String city = draft.city().strip();
        if (SHANGHAI.contains(city.toLowerCase(java.util.Locale.ROOT))) {
            return Outcome.rejected(BranchFormRule.DIRECTLY_MANAGED_IN_SHANGHAI,
                    "A directly managed branch is located outside Shanghai; a branch in Shanghai is an ordinary one");
        }
        return Outcome.done(Optional.of(new BranchForm.DirectlyManaged(city)));
    }

    /** New criteria for a functional branch; its affiliations are then re-checked against them. */
    public static Outcome<BranchForm.Functional> changeCriteria(Optional<BranchForm> current, String source) {
        if (current.isEmpty() || !(current.get() instanceof BranchForm.Functional)) {
            return Outcome.rejected(BranchFormRule.NOT_FUNCTIONAL, "Only a functional branch has criteria");
        }
        Criteria.Parsed parsed = Criteria.parse(source);
        if (parsed instanceof Criteria.Malformed malformed) {
            return Outcome.rejected(BranchFormRule.MALFORMED_CRITERIA, malformed.message());
        }
        return Outcome.done(new BranchForm.Functional(((Criteria.Valid) parsed).criteria()));
    }

    /** A boundary is a ring of at least three distinct points, each on the globe. */
    static Optional<String> polygonProblem(List<BranchForm.LonLat> polygon) {
        if (polygon.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < polygon.size(); i++) {
            BranchForm.LonLat p = polygon.get(i);
            if (p == null || !(p.lon() >= -180 && p.lon() <= 180 && p.lat() >= -90 && p.lat() <= 90)) {
                return Optional.of("Point " + (i + 1) + " of the polygon is not a longitude/latitude pair");
            }
        }
        long distinct = polygon.stream().distinct().count();
        if (distinct < 3) {
            return Optional.of("A polygon needs at least three distinct points; it has " + distinct);
        }
        return Optional.empty();
    }

    private static Optional<String> strayField(FormDraft d) {
        Map<String, Function<FormDraft, Object>> fields = new java.util.LinkedHashMap<>();
        fields.put("criteria", FormDraft::criteria);
        fields.put("purpose", FormDraft::purpose);
        fields.put("startsOn", FormDraft::startsOn);
        fields.put("plannedEndOn", FormDraft::plannedEndOn);
        fields.put("gridNumber", FormDraft::gridNumber);
        fields.put("areaKm2", FormDraft::areaKm2);
        fields.put("polygon", FormDraft::polygon);
        fields.put("villageName", FormDraft::villageName);
        fields.put("city", FormDraft::city);
        fields.put("households", FormDraft::households);
        List<String> own = switch (d.type()) {
            case ORDINARY -> List.of();
            case FUNCTIONAL -> List.of("criteria");
            case TEMPORARY -> List.of("purpose", "startsOn", "plannedEndOn");
            case GRID -> List.of("gridNumber", "areaKm2", "polygon", "villageName", "households");
            case DIRECTLY_MANAGED -> List.of("city");
        };
        List<String> stray = new ArrayList<>();
        fields.forEach((name, getter) -> {
            if (!own.contains(name) && getter.apply(d) != null) {
                stray.add(name);
            }
        });
        return stray.stream().findFirst();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Outcome<Optional<BranchForm>> missing(String field, FormType type) {
        return Outcome.rejected(BranchFormRule.FIELD_MISSING, "A " + type + " branch needs " + field);
    }
}
