package sh.grassroots.org.branch.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import sh.grassroots.org.branch.model.BranchForm;
import sh.grassroots.org.branch.model.FormDraft;
import sh.grassroots.org.branch.model.FormType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The optional {@code form} of a new branch: {@code type} and the fields of that type, e.g.
 * {@code {"type":"TEMPORARY","purpose":"蓬莱路旧改","startsOn":"2026-01-01","plannedEndOn":"2026-12-31"}}.
 */
public record BranchFormRequest(
        @NotNull FormType type,
        @Size(max = 2000) String criteria,
        @Size(max = 500) String purpose,
        LocalDate startsOn,
        LocalDate plannedEndOn,
        Integer gridNumber,
        BigDecimal areaKm2,
        @Size(max = 1000) List<@Valid @NotNull Point> polygon,
        @Size(max = 200) String villageName,
        @Size(max = 100) String city,
        @Min(0) @Max(10_000_000) Integer households) {

    public record Point(@NotNull Double lon, @NotNull Double lat) {
    }

    public FormDraft toDraft() {
        return new FormDraft(type, criteria, purpose, startsOn, plannedEndOn, gridNumber, areaKm2,
                polygon == null ? null : polygon.stream().map(p -> new BranchForm.LonLat(p.lon(), p.lat())).toList(),
                villageName, city, households);
    }
}
