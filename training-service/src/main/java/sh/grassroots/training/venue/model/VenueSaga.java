package sh.grassroots.training.venue.model;

import java.util.Objects;
import java.util.UUID;

/**
 * Training's side of the venue saga with service-station-service. A session at a station room
 * waits for the station's answer to its current request; anything else the station says is
 * either a redelivery or about a request the session has moved on from, and changes nothing.
 */
public final class VenueSaga {

    /** Where the session stands with its room. */
    public enum Stage {
        /** An external address: nothing to ask anyone. */
        NOT_NEEDED,
        PENDING,
        CONFIRMED,
        REJECTED,
        /** The session was cancelled; any room it had was released. */
        CLOSED
    }

    public sealed interface Reply permits Confirmed, Rejected, Cancelled {
        UUID requestId();
    }

    public record Confirmed(UUID requestId, UUID bookingId) implements Reply {
    }

    public record Rejected(UUID requestId, String rule, String reason) implements Reply {
    }

    /** The station cancelled the room it had confirmed (not at training's request). */
    public record Cancelled(UUID requestId, UUID bookingId, String reason) implements Reply {
    }

    public sealed interface Decision permits Confirm, Reject, LoseRoom, Ignore {
    }

    /**
     * The session has lost its confirmed room: it cannot take place as scheduled, so it is
     * cancelled for everyone enrolled, with the station's reason.
     */
    public record LoseRoom(String reason) implements Decision {
    }

    public record Confirm(UUID bookingId) implements Decision {
    }

    /** {@code rule} and {@code reason} are the station's, shown to the organizer as they are. */
    public record Reject(String rule, String reason) implements Decision {
    }

    public record Ignore(String why) implements Decision {
    }

    private VenueSaga() {
    }

    public static Stage firstStage(boolean atStationRoom) {
        return atStationRoom ? Stage.PENDING : Stage.NOT_NEEDED;
    }

    public static Decision onReply(Stage stage, UUID currentRequestId, Reply reply) {
        Objects.requireNonNull(reply, "reply");
        if (currentRequestId == null || !currentRequestId.equals(reply.requestId())) {
            return new Ignore("stale reply to request " + reply.requestId() + "; the current one is " + currentRequestId);
        }
        if (reply instanceof Cancelled c) {
            if (stage != Stage.CONFIRMED) {
                return new Ignore("the session is " + stage + "; it holds no room the station could cancel");
            }
            String reason = c.reason() == null || c.reason().isBlank() ? "no reason given" : c.reason().strip();
            return new LoseRoom("The station cancelled the room booked for this session: " + reason);
        }
        if (stage != Stage.PENDING) {
            return new Ignore("the session is " + stage + ", no longer waiting for request " + reply.requestId());
        }
        if (reply instanceof Confirmed c) {
            return new Confirm(c.bookingId());
        }
        Rejected r = (Rejected) reply;
        String rule = r.rule() == null || r.rule().isBlank() ? "venue-rejected" : r.rule().strip();
        String reason = r.reason() == null || r.reason().isBlank() ? "The station refused the booking" : r.reason().strip();
        return new Reject(rule, reason);
    }

    /**
     * What a request that got no answer for {@code waited} becomes when {@code timeout} has passed:
     * a refusal the organizer reads like the station's own (rule {@link #NO_ANSWER}), so that the
     * session leaves "waiting" and the room request is withdrawn. Empty while there is time left or
     * when the session is not waiting.
     */
    public static java.util.Optional<Reject> onSilence(Stage stage, java.time.Duration waited, java.time.Duration timeout) {
        if (stage != Stage.PENDING || waited.compareTo(timeout) < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Reject(NO_ANSWER, "The station did not answer the room request within "
                + timeout.toMinutes() + " minutes; the request was withdrawn. Schedule the session again, "
                + "at this room or another"));
    }

    /** The rule a session shows when the station cancelled its confirmed room. */
    public static final String ROOM_CANCELLED = "venue-cancelled-by-station";

    /** The rule of a request withdrawn because the station did not answer in time. */
    public static final String NO_ANSWER = "venue-no-answer";

    /**
     * Whether cancelling the session must give a room back: the station may hold it (confirmed) or
     * be about to (pending, the answer may still be on its way). A rejected request holds nothing.
     */
    public static boolean releaseOnCancel(Stage stage) {
        return stage == Stage.PENDING || stage == Stage.CONFIRMED;
    }
}
