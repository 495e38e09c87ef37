package sh.grassroots.training.credit.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of a person's credit-hour ledger. Lines are never changed or deleted: a reversal is a
 * second line with negative hours pointing at the line it reverses, so the history stays readable.
 */
public record CreditEntry(UUID id, UUID personId, int year, BigDecimal hours, UUID sessionId, UUID reverses,
                          String reason, Instant recordedAt) {
    public CreditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(hours, "hours");
    }

    public boolean isReversal() {
        return reverses != null;
    }
}
