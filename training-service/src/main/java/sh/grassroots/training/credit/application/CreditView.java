package sh.grassroots.training.credit.application;

import sh.grassroots.training.credit.model.CreditEntry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class CreditView {
    private CreditView() {
    }

    public record Entry(UUID id, UUID personId, int year, BigDecimal hours, UUID sessionId, UUID reverses, String reason,
                        Instant recordedAt) {
        static Entry of(CreditEntry e) {
            return new Entry(e.id(), e.personId(), e.year(), e.hours(), e.sessionId(), e.reverses(), e.reason(),
                    e.recordedAt());
        }
    }

    /** A person's year: hours earned against the requirement for their member kind. */
    public record Year(UUID personId, int year, BigDecimal earned, BigDecimal required, BigDecimal remaining, boolean met,
                       List<Entry> entries) {
    }
}
