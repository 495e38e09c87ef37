package sh.grassroots.stations.booking.application;

import sh.grassroots.platform.web.IdempotencyKeys;
import sh.grassroots.stations.booking.model.BookerKind;
import sh.grassroots.stations.booking.model.TimeRange;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A booking request as the API received it; {@code idempotencyKey} and {@code seriesId} may be null. */
public record RequestBooking(UUID stationId, UUID roomId, OffsetDateTime start, OffsetDateTime end,
                             BookerKind bookerKind, UUID bookerId, String bookerName, String bookerPhone,
                             String purpose, int attendees, String idempotencyKey, UUID seriesId) {

    /** The same request for another occurrence of its series. */
    public RequestBooking at(TimeRange occurrence, UUID series) {
        return new RequestBooking(stationId, roomId, occurrence.start(), occurrence.end(), bookerKind, bookerId,
                bookerName, bookerPhone, purpose, attendees, null, series);
    }

    /** The same request with {@code booker} as its booker id. */
    public RequestBooking bookedBy(UUID booker) {
        return new RequestBooking(stationId, roomId, start, end, bookerKind, booker, bookerName, bookerPhone, purpose,
                attendees, idempotencyKey, seriesId);
    }

    /** Same key and same fingerprint replays; same key and another fingerprint is a client error. */
    public String fingerprint() {
        String canonical = String.join("|", stationId.toString(), roomId.toString(),
                start == null ? "" : start.toInstant().toString(), end == null ? "" : end.toInstant().toString(),
                String.valueOf(bookerKind), String.valueOf(bookerId), String.valueOf(bookerName),
                String.valueOf(bookerPhone), String.valueOf(purpose), Integer.toString(attendees));
        return IdempotencyKeys.fingerprint(canonical);
    }
}
