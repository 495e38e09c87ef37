package sh.grassroots.org.branch.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A form as a client describes it: one type and the fields of that type, the others null.
 * {@link BranchForms#decide} turns it into a {@link BranchForm} or names the rule it breaks.
 */
public record FormDraft(FormType type, String criteria, String purpose, LocalDate startsOn, LocalDate plannedEndOn,
                        Integer gridNumber, BigDecimal areaKm2, List<BranchForm.LonLat> polygon, String villageName,
                        String city, Integer households) {
}
