package sh.grassroots.org.branch.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import sh.grassroots.org.branch.model.BranchForm;
import sh.grassroots.org.branch.model.FormType;
import sh.grassroots.org.branch.persistence.BranchFormColumns;
import sh.grassroots.org.tree.model.OrganizationKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A branch's form as clients see it: the type and the fields of that type only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BranchFormView(FormType type, String criteria, String purpose, LocalDate startsOn, LocalDate plannedEndOn,
                             Integer gridNumber, BigDecimal areaKm2, List<BranchForm.LonLat> polygon,
                             UUID villageOrganizationId, String villageName, String city, Integer households) {

    /** Null for a committee or general branch, which take no form; ORDINARY for a branch without one. */
    public static BranchFormView of(OrganizationKind kind, BranchFormColumns c) {
        if (kind != OrganizationKind.BRANCH) {
            return null;
        }
        if (c == null || c.type == null) {
            return new BranchFormView(FormType.ORDINARY, null, null, null, null, null, null, null, null, null, null, null);
        }
        List<BranchForm.LonLat> polygon = BranchFormColumns.polygon(c.polygon);
        return new BranchFormView(c.type, c.criteria, c.purpose, c.startsOn, c.plannedEndOn, c.gridNumber, c.areaKm2,
                polygon.isEmpty() ? null : polygon, c.villageOrganizationId, c.villageName, c.city, c.gridHouseholds);
    }
}
