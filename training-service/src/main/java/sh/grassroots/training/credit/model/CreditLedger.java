package sh.grassroots.training.credit.model;

import sh.grassroots.platform.rules.Rejection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A person's credit hours: earned on attendance, reversible once by an organizer with a reason. */
public final class CreditLedger {
    /** The study year follows the calendar in Shanghai, not UTC: a session on 31 Dec at 20:00 counts for that year. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public sealed interface Outcome permits Recorded, Refused {
    }

    public record Recorded(CreditEntry entry) implements Outcome {
    }

    public record Refused(Rejection rejection) implements Outcome {
    }

    private final UUID personId;
    private final List<CreditEntry> entries;

    public CreditLedger(UUID personId, List<CreditEntry> entries) {
        this.personId = personId;
        this.entries = List.copyOf(entries);
    }

    public static int yearOf(Instant instant) {
        return instant.atZone(SHANGHAI).getYear();
    }

    /** Credit for attending a session; a session counts once however often attendance is recorded. */
    public Outcome earn(UUID entryId, UUID sessionId, Instant sessionStartsAt, BigDecimal hours, Clock clock) {
        if (hours.signum() < 0) {
            throw new IllegalArgumentException("credit hours cannot be negative: " + hours);
        }
        if (netForSession(sessionId).signum() > 0) {
            return new Refused(new Rejection(CreditRule.CREDIT_ALREADY_AWARDED,
                    "Credit for this session has already been awarded"));
        }
        return new Recorded(new CreditEntry(entryId, personId, yearOf(sessionStartsAt), hours, sessionId, null,
                null, clock.instant()));
    }

    public Outcome reverse(UUID entryId, UUID reversalId, String reason, Clock clock) {
        if (reason == null || reason.isBlank()) {
            return new Refused(new Rejection(CreditRule.CREDIT_REVERSAL_REASON_REQUIRED, "Say why the credit is reversed"));
        }
        Optional<CreditEntry> original = entries.stream().filter(e -> e.id().equals(entryId)).findFirst();
        if (original.isEmpty()) {
            throw new IllegalArgumentException("no entry " + entryId + " in the ledger of " + personId);
        }
        if (original.get().isReversal()) {
            return new Refused(new Rejection(CreditRule.CREDIT_REVERSAL_OF_REVERSAL, "A reversal cannot itself be reversed"));
        }
        if (entries.stream().anyMatch(e -> entryId.equals(e.reverses()))) {
            return new Refused(new Rejection(CreditRule.CREDIT_ALREADY_REVERSED, "This credit has already been reversed"));
        }
        CreditEntry o = original.get();
        return new Recorded(new CreditEntry(reversalId, personId, o.year(), o.hours().negate(), o.sessionId(), o.id(),
                reason.strip(), clock.instant()));
    }

    public BigDecimal total(int year) {
        return entries.stream().filter(e -> e.year() == year).map(CreditEntry::hours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal netForSession(UUID sessionId) {
        return entries.stream().filter(e -> sessionId.equals(e.sessionId())).map(CreditEntry::hours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
