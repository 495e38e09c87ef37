package sh.grassroots.stations.booking.application;

import sh.grassroots.stations.booking.model.BookerKind;
import sh.grassroots.stations.booking.model.BookingStatus;
import sh.grassroots.stations.booking.model.PhoneNumber;
import sh.grassroots.stations.booking.persistence.BookingEntity;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** Times are given in the station's zone (+08:00), as a phone shows them; the phone number masked. */
public record BookingView(UUID id, UUID stationId, UUID roomId, OffsetDateTime start, OffsetDateTime end,
                          BookingStatus status, BookerKind bookerKind, UUID bookerId, String bookerName,
                          String bookerPhone, String purpose, int attendees, String statusReason, UUID seriesId,
                          OffsetDateTime createdAt, long version) {

    public static BookingView of(BookingEntity b, ZoneId zone) {
        return new BookingView(b.id, b.stationId, b.roomId, local(b.startsAt, zone), local(b.endsAt, zone), b.status,
                b.bookerKind, b.bookerId, b.bookerName,
                b.bookerPhone == null ? null : new PhoneNumber(b.bookerPhone).masked(),
                b.purpose, b.attendees, b.statusReason, b.seriesId, local(b.createdAt, zone), b.version);
    }

    public static OffsetDateTime local(OffsetDateTime t, ZoneId zone) {
        return t.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
