package sh.grassroots.training.session.application;

import sh.grassroots.training.session.model.SeatQuota;
import sh.grassroots.training.course.model.VenueKind;
import sh.grassroots.training.session.persistence.SessionEntity;

import java.time.OffsetDateTime;
import java.util.UUID;

public record SessionView(UUID id, UUID courseId, SessionEntity.Status status, OffsetDateTime startsAt,
                          OffsetDateTime endsAt, VenueKind venueKind, String venue, UUID stationRoomId,
                          int capacity, int seatsTaken, OffsetDateTime enrolmentOpensAt,
                          OffsetDateTime enrolmentClosesAt, OffsetDateTime cancellationDeadline, SeatQuota.By quotaBy,
                          int seatsPerGroup, int holdMinutes, VenueBooking venueBooking) {

    /**
     * The station's answer for a session at a station room (null at an external address):
     * {@code rule} and {@code reason} say why the room was refused.
     */
    public record VenueBooking(UUID requestId, UUID bookingId, String rule, String reason) {
    }

    public static SessionView of(SessionEntity s) {
        return new SessionView(s.id, s.courseId, s.status, s.startsAt, s.endsAt, s.venueKind, s.venue, s.stationRoomId,
                s.capacity, s.seatsTaken, s.enrolmentOpensAt, s.enrolmentClosesAt, s.cancellationDeadline, s.quotaBy,
                s.seatsPerGroup, s.holdMinutes, s.venueRequestId == null ? null
                        : new VenueBooking(s.venueRequestId, s.venueBookingId, s.venueRejectionRule, s.venueRejectionReason));
    }
}
