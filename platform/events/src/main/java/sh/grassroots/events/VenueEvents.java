package sh.grassroots.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The venue saga between training-service and service-station-service.
 *
 * <p>training-service publishes {@link VenueRequested} and {@link VenueReleased} on
 * {@link #TOPIC_REQUESTS}; service-station-service answers with {@link VenueConfirmed} or
 * {@link VenueRejected} on {@link #TOPIC_REPLIES}. Both topics are keyed by session id, so a
 * release can never overtake the request it releases.
 *
 * <p>Every request carries a fresh {@code requestId}. A session that is rescheduled or moved to
 * another room sends a new request (after releasing the old one); a reply whose requestId is not
 * the session's current one is stale and ignored. Stations keeps at most one booking per
 * requestId, so a redelivered request is answered again with the same reply.
 *
 * <p>When the station cancels a confirmed room itself (a manager cancels the booking, the booking
 * organization is dissolved, …), it says so with {@link VenueCancelled} on {@link #TOPIC_REPLIES};
 * a room released at training's own request ({@link VenueReleased}) gets no such message.
 */
public final class VenueEvents {
    public static final String TOPIC_REQUESTS = Topics.TRAINING_VENUE_REQUESTS;
    public static final String TOPIC_REPLIES = Topics.STATIONS_VENUE_REPLIES;
    public static final int VERSION = 1;

    public static final String REQUESTED = "VenueRequested";
    public static final String RELEASED = "VenueReleased";
    public static final String CONFIRMED = "VenueConfirmed";
    public static final String REJECTED = "VenueRejected";
    public static final String CANCELLED = "VenueCancelled";

    private VenueEvents() {
    }

    /**
     * Hold {@code roomId} from {@code startsAt} to {@code endsAt} for a training session.
     * {@code organizerOrganizationId} is the organization the booking is made for (the course
     * provider); {@code attendees} is the session's capacity.
     */
    public record VenueRequested(UUID requestId, UUID sessionId, UUID roomId, OffsetDateTime startsAt,
                                 OffsetDateTime endsAt, int attendees, String purpose,
                                 UUID organizerOrganizationId) {
    }

    /** The session was cancelled or moved: give the room back (a no-op if it was never booked). */
    public record VenueReleased(UUID requestId, UUID sessionId, UUID roomId, String reason) {
    }

    /** The room is booked for the session. */
    public record VenueConfirmed(UUID requestId, UUID sessionId, UUID bookingId, UUID stationId, UUID roomId,
                                 OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    /**
     * The room cannot be had. {@code rule} is the stable slug of the booking rule that refused
     * (e.g. {@code booking-overlap}, {@code outside-opening-hours}, {@code unknown-room}),
     * {@code reason} a sentence an organizer can read.
     */
    public record VenueRejected(UUID requestId, UUID sessionId, UUID roomId, String rule, String reason) {
    }

    /**
     * The station cancelled the room it had confirmed for the request: the session has no room any
     * more. {@code reason} is the station's (the manager's words, {@code ORGANIZATION_DISSOLVED}, …).
     */
    public record VenueCancelled(UUID requestId, UUID sessionId, UUID bookingId, UUID stationId, UUID roomId,
                                 String reason) {
    }
}
