package sh.grassroots.stations.booking.application;

import sh.grassroots.stations.access.model.Actor;
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
 * with no booker, phone, purpose or headcount. The booker's phone is masked, except when one of
 * the station's managers opens the one booking (to call back): lists, feeds and the answers to
 * changes, which desk screens and logs show, never carry it in clear. {@code decidedBy} and {@code decidedAt}
 * name who approved or rejected a request and when (subject and kind; not for a busy slot), null when no one
 * decided it or it was decided before that was kept.
 */
public record BookingView(UUID id, UUID stationId, UUID roomId, OffsetDateTime start, OffsetDateTime end,
                          BookingStatus status, boolean busy, BookerKind bookerKind, UUID bookerId, String bookerName,
                          String bookerPhone, String purpose, Integer attendees, String statusReason, UUID seriesId,
                          OffsetDateTime createdAt, Actor decidedBy, OffsetDateTime decidedAt, long version) {

    /** Who is looking at a booking, which decides how much of it they see. */
    public enum Disclosure {
        /** Someone else: a busy slot. */
        BUSY,
        /** The booker's side: everything, the phone masked. */
        BOOKER_SIDE,
        /** The station's managers: everything; the phone in clear when they open the one booking. */
        STATION;

        public static Disclosure of(boolean runsStation, boolean seesInFull) {
            return runsStation ? STATION : seesInFull ? BOOKER_SIDE : BUSY;
        }
    }

    /** In a list, a feed or the answer to a change: the phone masked for everyone. */
    public static BookingView of(BookingEntity b, ZoneId zone, Disclosure disclosure, PersonalData personalData) {
        return of(b, zone, disclosure, personalData, false);
    }

    /** One booking opened on its own: the phone in clear for the station's managers. */
    public static BookingView opened(BookingEntity b, ZoneId zone, Disclosure disclosure, PersonalData personalData) {
        return of(b, zone, disclosure, personalData, disclosure == Disclosure.STATION);
    }

    private static BookingView of(BookingEntity b, ZoneId zone, Disclosure disclosure, PersonalData personalData,
                                  boolean phoneInClear) {
        if (disclosure == Disclosure.BUSY) {
            return new BookingView(b.id, b.stationId, b.roomId, local(b.startsAt, zone), local(b.endsAt, zone),
                    b.status, true, null, null, null, null, null, null, null, null, null, null, null, b.version);
        }
        return new BookingView(b.id, b.stationId, b.roomId, local(b.startsAt, zone), local(b.endsAt, zone), b.status,
                false, b.bookerKind, b.bookerId, b.bookerName,
                personalData.phone(b.bookerPhone, phoneInClear),
                b.purpose, b.attendees, b.statusReason, b.seriesId, local(b.createdAt, zone), b.decidedBy(),
                b.decidedAt == null ? null : local(b.decidedAt, zone), b.version);
    }

    public static OffsetDateTime local(OffsetDateTime t, ZoneId zone) {
        return t.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
