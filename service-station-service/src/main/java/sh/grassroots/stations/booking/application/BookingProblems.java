package sh.grassroots.stations.booking.application;

import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.stations.booking.model.BookingDecision;
import sh.grassroots.stations.booking.model.BookingRule;
import sh.grassroots.stations.booking.model.LifecycleRule;
import sh.grassroots.stations.booking.model.TimeRange;
import sh.grassroots.stations.booking.model.Transition;

import java.time.ZoneId;
import java.util.List;

/**
 * Turns a broken rule into the problem the client sees. A clash with another booking is a 409
 * (retrying another slot helps); a request the room's terms forbid is a 422.
 */
final class BookingProblems {
    private BookingProblems() {
    }

    static ProblemException of(BookingDecision.Rejected rejected) {
        BookingRule rule = rejected.rule();
        int status = rule == BookingRule.SLOT_TAKEN || rule == BookingRule.BUFFER_TOO_SMALL ? 409 : 422;
        return new ProblemException(Problem.of(status, rule.slug(), title(rule), rejected.detail()));
    }

    static ProblemException of(Transition.Refused refused) {
        LifecycleRule rule = refused.rule();
        int status = switch (rule) {
            case NOT_AWAITING_DECISION, NOT_CANCELLABLE, NOT_CONFIRMED -> 409;
            case CANCELLATION_DEADLINE_PASSED, CHECK_IN_NOT_OPEN, CHECK_IN_CLOSED -> 422;
        };
        return new ProblemException(Problem.of(status, rule.slug(), title(rule), refused.detail()));
    }

    static ProblemException slotTaken(TimeRange conflicting, ZoneId zone) {
        return new ProblemException(Problem.of(409, BookingRule.SLOT_TAKEN.slug(), title(BookingRule.SLOT_TAKEN),
                "The room is already booked from " + BookingView.local(conflicting.start(), zone) + " to "
                        + BookingView.local(conflicting.end(), zone)));
    }

    static ProblemException slotTakenMeanwhile() {
        return new ProblemException(Problem.of(409, BookingRule.SLOT_TAKEN.slug(), title(BookingRule.SLOT_TAKEN),
                "Another booking took an overlapping slot of this room at the same moment"));
    }

    static ProblemException endNotAfterStart() {
        return new ProblemException(Problem.withErrors(422, "booking-end-not-after-start",
                "A booking must end after it starts", "The end of the booking is not after its start",
                List.of(new Problem.FieldError("end", "must be after start"))));
    }

    static ProblemException invalidPhone() {
        return new ProblemException(Problem.withErrors(422, "booking-invalid-phone",
                "A walk-in booking needs a mobile number", "The phone number is not a mainland mobile number",
                List.of(new Problem.FieldError("bookerPhone", "must be a mainland mobile number"))));
    }

    static ProblemException bookerIdMissing() {
        return new ProblemException(Problem.withErrors(422, "booking-booker-id-required",
                "The booker must be named", "Bookings by an organization, member unit or member carry its id",
                List.of(new Problem.FieldError("bookerId", "required unless bookerKind is PUBLIC"))));
    }

    static ProblemException malformedRecurrence(String detail) {
        return new ProblemException(Problem.withErrors(422, "booking-malformed-rrule",
                "The recurrence rule cannot be used", detail,
                List.of(new Problem.FieldError("rrule", detail))));
    }

    static ProblemException seriesTooLong() {
        return new ProblemException(Problem.withErrors(422, "booking-series-too-long", "Too many occurrences",
                "A series has at most " + sh.grassroots.stations.booking.model.Recurrence.MAX_OCCURRENCES
                        + " occurrences", List.of(new Problem.FieldError("rrule", "too many occurrences"))));
    }

    static ProblemException seriesCollided() {
        return new ProblemException(Problem.of(409, BookingRule.SLOT_TAKEN.slug(), title(BookingRule.SLOT_TAKEN),
                "Another booking took a slot of this series at the same moment; no occurrence was booked"));
    }

    /** The same problem, its detail saying which occurrence of a series broke the rule. */
    static ProblemException forOccurrence(String which, ProblemException failure) {
        Problem p = failure.problem();
        return new ProblemException(new Problem(p.type(), p.title(), p.status(), which + ": " + p.detail(),
                p.instance(), p.errors()));
    }

    static ProblemException changedMeanwhile() {
        return new ProblemException(Problem.of(409, "booking-changed-concurrently", "The booking changed meanwhile",
                "Someone else changed this booking at the same time; read it again and retry"));
    }

    private static String title(BookingRule rule) {
        return switch (rule) {
            case STATION_CLOSED -> "The station is closed then";
            case OUTSIDE_OPENING_HOURS -> "Outside the station's opening hours";
            case TOO_SHORT_NOTICE -> "Too short notice";
            case BEYOND_HORIZON -> "Too far ahead";
            case TOO_SHORT -> "Booking too short";
            case TOO_LONG -> "Booking too long";
            case OVER_CAPACITY -> "More attendees than the room holds";
            case QUOTA_EXCEEDED -> "Booking quota used up";
            case SLOT_TAKEN -> "The slot is taken";
            case BUFFER_TOO_SMALL -> "Too close to another booking";
            case APPROVAL_REQUIRED -> "The room needs a manager's approval";
            case ALREADY_STARTED -> "The slot has already begun";
        };
    }

    private static String title(LifecycleRule rule) {
        return switch (rule) {
            case NOT_AWAITING_DECISION -> "The booking is not awaiting a decision";
            case NOT_CANCELLABLE -> "The booking cannot be cancelled";
            case CANCELLATION_DEADLINE_PASSED -> "Too late to cancel";
            case NOT_CONFIRMED -> "The booking is not confirmed";
            case CHECK_IN_NOT_OPEN -> "Check-in is not open yet";
            case CHECK_IN_CLOSED -> "Check-in has closed";
        };
    }
}
