package sh.grassroots.training.credit.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Hours a member must study in a year, by member kind. The default follows the common rule of at
 * least 32 hours of concentrated study a year for every member, probationary ones included.
 */
public record AnnualRequirement(Map<String, BigDecimal> hoursByMemberKind) {

    public record Progress(BigDecimal earned, BigDecimal required, BigDecimal remaining, boolean met) {
    }

    public AnnualRequirement {
        hoursByMemberKind = Map.copyOf(hoursByMemberKind);
    }

    public static AnnualRequirement standard() {
        return new AnnualRequirement(Map.of("FULL", BigDecimal.valueOf(32), "PROBATIONARY", BigDecimal.valueOf(32)));
    }

    public Progress progress(String memberKind, BigDecimal earned) {
        BigDecimal required = hoursByMemberKind.getOrDefault(memberKind, BigDecimal.ZERO);
        BigDecimal remaining = required.subtract(earned).max(BigDecimal.ZERO);
        return new Progress(earned, required, remaining, remaining.signum() == 0);
    }
}
