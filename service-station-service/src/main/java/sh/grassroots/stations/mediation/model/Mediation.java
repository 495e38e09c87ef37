package sh.grassroots.stations.mediation.model;

import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.stations.booking.model.BookingStatus;
import sh.grassroots.stations.booking.model.TimeRange;

import java.time.Instant;
import java.util.List;

/**
 * A mediation session is either still open (its outcome can be recorded, once, after it began) or
 * concluded (its outcome is fixed). Only an open one has {@link Open#recordOutcome}.
 */
public sealed interface Mediation permits Mediation.Open, Mediation.Concluded {

    /** What was recorded after the session. */
    record Conclusion(Outcome outcome, String summary, Instant recordedAt) {
    }

    static Mediation of(TimeRange slot, BookingStatus bookingStatus, Conclusion conclusion) {
        return conclusion == null ? new Open(slot, bookingStatus) : new Concluded(conclusion);
    }

    record Open(TimeRange slot, BookingStatus bookingStatus) implements Mediation {

        /**
         * Only after the session started (nobody knows the outcome before), only of a session that
         * is held (not cancelled, rejected or missed), and with a summary a reader can follow.
         */
        public Recording recordOutcome(Outcome outcome, String summary, Instant now) {
            if (bookingStatus != BookingStatus.CONFIRMED && bookingStatus != BookingStatus.CHECKED_IN) {
                return new Recording.Refused(MediationRule.NOT_HELD.rejects(
                        "The outcome of a session that is " + bookingStatus + " cannot be recorded", List.of()));
            }
            if (now.isBefore(slot.start().toInstant())) {
                return new Recording.Refused(MediationRule.NOT_STARTED.rejects(
                        "The outcome can be recorded once the session has started at " + slot.start(),
                        List.of("outcome")));
            }
            if (summary == null || summary.isBlank()) {
                return new Recording.Refused(MediationRule.SUMMARY_MISSING.rejects(
                        "Say in a few words what was agreed or what is still open", List.of("summary")));
            }
            return new Recording.Recorded(new Conclusion(outcome, summary.strip(), now));
        }
    }

    record Concluded(Conclusion conclusion) implements Mediation {
        public Rejection alreadyRecorded() {
            return MediationRule.OUTCOME_ALREADY_RECORDED.rejects(
                    "The outcome (" + conclusion.outcome() + ") was recorded at " + conclusion.recordedAt()
                            + " and cannot be changed", List.of("outcome"));
        }
    }

    sealed interface Recording permits Recording.Recorded, Recording.Refused {
        record Recorded(Conclusion conclusion) implements Recording {
        }

        record Refused(Rejection rejection) implements Recording {
        }
    }
}
