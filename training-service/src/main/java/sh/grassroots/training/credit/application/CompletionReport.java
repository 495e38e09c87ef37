package sh.grassroots.training.credit.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** How the members of an organization subtree stand against the annual requirement; one page of them. */
public record CompletionReport(UUID organizationId, int year, long members, long met, long notMet, List<Line> items,
                               String nextCursor) {

    public record Line(UUID personId, String displayName, String memberStatus, UUID homeOrganizationId,
                       BigDecimal earned, BigDecimal required, boolean met) {
    }
}
