package sh.grassroots.stations.venue.model;

import sh.grassroots.stations.booking.model.BookingDecision;
import sh.grassroots.stations.booking.model.BookingRequest;
import sh.grassroots.stations.booking.model.BookingRule;
import sh.grassroots.stations.booking.model.BookingRules;

import java.util.UUID;

/**
 * The stations' side of the venue saga: a training session's request for a room is booked at once
 * or refused with a rule slug and a sentence the organizer can read. An overlap is reported as
 * {@link #OVERLAP} whether the rules saw the other booking or the database's exclusion constraint
 * stopped a concurrent one, so that training sees one slug for one cause.
 */
public final class VenueRules {
    public static final String UNKNOWN_ROOM = "unknown-room";
    public static final String OVERLAP = "booking-overlap";

    public sealed interface Verdict permits Book, Refuse {
    }

    public record Book() implements Verdict {
    }

    public record Refuse(String rule, String reason) implements Verdict {
    }

    private VenueRules() {
    }

    public static Verdict judge(BookingRequest request) {
        BookingDecision decision = BookingRules.decideVenue(request);
        if (decision instanceof BookingDecision.Rejected rejected) {
            return new Refuse(rejected.rule() == BookingRule.SLOT_TAKEN ? OVERLAP : rejected.rule().slug(),
                    rejected.detail());
        }
        return new Book();
    }

    public static Refuse unknownRoom(UUID roomId) {
        return new Refuse(UNKNOWN_ROOM, "No station has a room " + roomId);
    }

    /** Another booking of the room committed first, at the same moment. */
    public static Refuse lostRace() {
        return new Refuse(OVERLAP, "Another booking took an overlapping slot of this room at the same moment");
    }
}
