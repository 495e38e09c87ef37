package sh.grassroots.org.branch.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import sh.grassroots.org.affiliation.model.Criteria;
import sh.grassroots.org.branch.model.BranchForm;
import sh.grassroots.org.branch.model.FormType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The form columns of an organization row; all null for an ordinary branch (Hibernate then gives null). */
@Embeddable
public class BranchFormColumns {
    @Enumerated(EnumType.STRING)
    @Column(name = "form")
    public FormType type;

    @Column(name = "criteria")
    public String criteria;

    @Column(name = "purpose")
    public String purpose;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "planned_end_on")
    public LocalDate plannedEndOn;

    @Column(name = "grid_number")
    public Integer gridNumber;

    @Column(name = "area_km2", precision = 10, scale = 3)
    public BigDecimal areaKm2;

    @Column(name = "grid_households")
    public Integer gridHouseholds;

    @Column(name = "polygon")
    public String polygon;

    @Column(name = "village_organization_id")
    public UUID villageOrganizationId;

    @Column(name = "village_name")
    public String villageName;

    @Column(name = "located_in_city")
    public String city;

    public static BranchFormColumns of(BranchForm form) {
        BranchFormColumns c = new BranchFormColumns();
        c.type = form.type();
        if (form instanceof BranchForm.Functional f) {
            c.criteria = f.criteria().text();
        } else if (form instanceof BranchForm.Temporary t) {
            c.purpose = t.purpose();
            c.startsOn = t.startsOn();
            c.plannedEndOn = t.plannedEndOn();
        } else if (form instanceof BranchForm.Grid g) {
            c.gridNumber = g.number();
            c.areaKm2 = g.areaKm2();
            c.polygon = g.polygon().isEmpty() ? null : g.polygon().stream()
                    .map(p -> p.lon() + " " + p.lat()).collect(Collectors.joining(","));
            c.villageOrganizationId = g.villageOrganizationId().orElse(null);
            c.villageName = g.villageName().orElse(null);
            c.gridHouseholds = g.households().orElse(null);
        } else if (form instanceof BranchForm.DirectlyManaged d) {
            c.city = d.city();
        }
        return c;
    }

    /** Empty for an ordinary branch. The stored criteria were parsed when they were saved. */
    public static Optional<BranchForm> toModel(BranchFormColumns c) {
        if (c == null || c.type == null) {
            return Optional.empty();
        }
        return Optional.of(switch (c.type) {
            case FUNCTIONAL -> new BranchForm.Functional(
                    ((Criteria.Valid) Criteria.parse(c.criteria)).criteria());
            case TEMPORARY -> new BranchForm.Temporary(c.purpose, c.startsOn, c.plannedEndOn);
            case GRID -> new BranchForm.Grid(c.gridNumber, c.areaKm2, polygon(c.polygon),
                    Optional.ofNullable(c.villageOrganizationId), Optional.ofNullable(c.villageName),
                    Optional.ofNullable(c.gridHouseholds));
            case DIRECTLY_MANAGED -> new BranchForm.DirectlyManaged(c.city);
            case ORDINARY -> throw new IllegalStateException("ORDINARY is stored as no form");
        });
    }

    public static List<BranchForm.LonLat> polygon(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).map(point -> {
            String[] lonLat = point.strip().split(" ");
            return new BranchForm.LonLat(Double.parseDouble(lonLat[0]), Double.parseDouble(lonLat[1]));
        }).toList();
    }
}
