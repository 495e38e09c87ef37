package sh.grassroots.stations.booking.application;

import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.platform.rules.Rule;
import sh.grassroots.platform.rules.RuleKind;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.stations.booking.model.BookingDecision;
import sh.grassroots.stations.booking.model.BookingRule;
import sh.grassroots.stations.booking.model.Recurrence;
import sh.grassroots.stations.booking.model.TimeRange;

import java.time.ZoneId;

/**
 * The booking rules the request itself breaks before the model sees it, and the words of the
 * refusals the use cases raise; each rule's kind (in {@link BookingRule}, {@code LifecycleRule}
 * or here) decides the status through {@link Rejections}.
 */
final class BookingProblems {
    static final Rule END_NOT_AFTER_START = Rule.of("booking-end-not-after-start", RuleKind.INVALID);
    static final Rule INVALID_PHONE = Rule.of("booking-invalid-phone", RuleKind.INVALID);
    static final Rule BOOKER_ID_REQUIRED = Rule.of("booking-booker-id-required", RuleKind.INVALID);
    static final Rule MALFORMED_RRULE = Rule.of("booking-malformed-rrule", RuleKind.INVALID);
    static final Rule SERIES_TOO_LONG = Rule.of("booking-series-too-long", RuleKind.INVALID);
    /** Someone else changed the booking between our read and our write: read it again and retry. */
    static final Rule CHANGED_CONCURRENTLY = Rule.of("booking-changed-concurrently", RuleKind.CONFLICT);

    private BookingProblems() {
    }

    static ProblemException of(Rejection rejection) {
        return Rejections.exception(rejection);
    }

    /** A rejected request; a clash with another booking names it in the station's time zone. */
    static ProblemException of(BookingDecision.Rejected rejected, ZoneId zone) {
        return rejected.rule() == BookingRule.SLOT_TAKEN && rejected.conflictingSlot().isPresent()
                ? slotTaken(rejected.conflictingSlot().get(), zone)
                : of(rejected.rejection());
    }

    static ProblemException slotTaken(TimeRange conflicting, ZoneId zone) {
        return of(BookingRule.SLOT_TAKEN.rejects("The room is already booked from "
                + BookingView.local(conflicting.start(), zone) + " to " + BookingView.local(conflicting.end(), zone)));
    }

    static ProblemException slotTakenMeanwhile() {
        return of(BookingRule.SLOT_TAKEN.rejects(
                "Another booking took an overlapping slot of this room at the same moment"));
    }

    static ProblemException endNotAfterStart() {
        return Rejections.exception(END_NOT_AFTER_START.rejects("The end of the booking is not after its start"),
                "end", "must be after start");
    }

    static ProblemException invalidPhone() {
        return Rejections.exception(INVALID_PHONE.rejects("The phone number is not a mainland mobile number"),
                "bookerPhone", "must be a mainland mobile number");
    }

    static ProblemException bookerIdMissing() {
        return Rejections.exception(BOOKER_ID_REQUIRED.rejects(
                "Bookings by an organization, member unit or member carry its id"),
                "bookerId", "required unless bookerKind is PUBLIC");
    }

    static ProblemException malformedRecurrence(String detail) {
        return Rejections.exception(MALFORMED_RRULE.rejects(detail), "rrule", detail);
    }

    static ProblemException seriesTooLong() {
        return Rejections.exception(SERIES_TOO_LONG.rejects(
                "A series has at most " + Recurrence.MAX_OCCURRENCES + " occurrences"),
                "rrule", "too many occurrences");
    }

    static ProblemException seriesCollided() {
        return of(BookingRule.SLOT_TAKEN.rejects(
                "Another booking took a slot of this series at the same moment; no occurrence was booked"));
    }

    /** The same problem, its detail saying which occurrence of a series broke the rule. */
    static ProblemException forOccurrence(String which, ProblemException failure) {
        Problem p = failure.problem();
        return new ProblemException(new Problem(p.type(), p.title(), p.status(), which + ": " + p.detail(),
                p.instance(), p.errors()));
    }

    static ProblemException changedMeanwhile() {
        return of(CHANGED_CONCURRENTLY.rejects(
                "Someone else changed this booking at the same time; read it again and retry"));
    }
}
