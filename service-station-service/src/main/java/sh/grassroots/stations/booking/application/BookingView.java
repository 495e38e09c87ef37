package sh.grassroots.stations.booking.application;

import sh.grassroots.stations.booking.model.BookerKind;
import sh.grassroots.stations.booking.model.BookingStatus;
import sh.grassroots.stations.booking.persistence.BookingEntity;
import sh.grassroots.stations.personaldata.application.PersonalData;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A booking as one caller may see it. Times are given in the station's zone (+08:00), as a phone
 * shows them. Someone else's booking is a busy slot ({@code busy: true}): when and which room,
 * with no booker, phone, purpose or headcount. The booker's phone is in clear for the station's
 * managers only, masked for the booker's side.
 */
public record BookingView(UUID id, UUID stationId, UUID roomId, OffsetDateTime start, OffsetDateTime end,
                          BookingStatus status, boolean busy, BookerKind bookerKind, UUID bookerId, String bookerName,
                          String bookerPhone, String purpose, Integer attendees, String statusReason, UUID seriesId,
                          OffsetDateTime createdAt, long version) {

    /** How much of a booking a caller sees. */
    public enum Disclosure {
        /** Someone else's booking: a busy slot. */
        BUSY,
        /** The booker's side: everything, the phone masked. */
        FULL,
        /** The station's managers: everything, the phone in clear. */
        FULL_WITH_CONTACT;

        public static Disclosure of(boolean runsStation, boolean seesInFull) {
            return runsStation ? FULL_WITH_CONTACT : seesInFull ? FULL : BUSY;
        }
    }

    public static BookingView of(BookingEntity b, ZoneId zone, Disclosure disclosure, PersonalData personalData) {
        if (disclosure == Disclosure.BUSY) {
            return new BookingView(b.id, b.stationId, b.roomId, local(b.startsAt, zone), local(b.endsAt, zone),
                    b.status, true, null, null, null, null, null, null, null, null, null, b.version);
        }
        return new BookingView(b.id, b.stationId, b.roomId, local(b.startsAt, zone), local(b.endsAt, zone), b.status,
                false, b.bookerKind, b.bookerId, b.bookerName,
                personalData.phone(b.bookerPhone, disclosure == Disclosure.FULL_WITH_CONTACT),
                b.purpose, b.attendees, b.statusReason, b.seriesId, local(b.createdAt, zone), b.version);
    }

    public static OffsetDateTime local(OffsetDateTime t, ZoneId zone) {
        return t.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
