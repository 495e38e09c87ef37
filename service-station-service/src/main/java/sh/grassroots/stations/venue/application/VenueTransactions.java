package sh.grassroots.stations.venue.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.events.StationEvents;
import sh.grassroots.events.VenueEvents;
import sh.grassroots.events.VenueEvents.VenueRequested;
import sh.grassroots.platform.outbox.Inbox;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.stations.booking.application.BookingTransactions;
import sh.grassroots.stations.booking.model.BookerKind;
import sh.grassroots.stations.booking.model.BookingLifecycle;
import sh.grassroots.stations.booking.model.BookingRequest;
import sh.grassroots.stations.booking.model.BookingStatus;
import sh.grassroots.stations.booking.model.TimeRange;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.stations.booking.persistence.BookingEntity;
import sh.grassroots.stations.station.application.StationLookup;
import sh.grassroots.stations.station.persistence.RoomEntity;
import sh.grassroots.stations.station.persistence.StationEntity;
import sh.grassroots.stations.venue.model.VenueRules;
import sh.grassroots.stations.venue.persistence.VenueRequestEntity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Each venue message handled in one transaction: the inbox entry, the booking (or refusal), the
 * recorded answer and the events commit together.
 */
@ApplicationScoped
public class VenueTransactions {
    static final String CONSUMER = "service-station-service.venue";
    private static final String BOOKER_NAME = "培训场次";

    private final StationLookup lookup;
    private final BookingTransactions bookings;
    private final Inbox inbox;
    private final Outbox outbox;
    private final Clock clock;

    public VenueTransactions(StationLookup lookup, BookingTransactions bookings, Inbox inbox, Outbox outbox,
                             Clock clock) {
        this.lookup = lookup;
        this.bookings = bookings;
        this.inbox = inbox;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Books the room or refuses; a request answered before is answered again the same way. */
    @WithTransaction
    public Uni<Boolean> answer(UUID eventId, VenueRequested request) {
        return inbox.once(CONSUMER, eventId, () -> VenueRequestEntity.<VenueRequestEntity>findById(request.requestId())
                .chain(answered -> answered != null ? replyAgain(answered) : decide(request)));
    }

    /** After the booking lost a race at the exclusion constraint: the refusal, in a fresh transaction. */
    @WithTransaction
    public Uni<Boolean> refuseLostRace(UUID eventId, VenueRequested request) {
        return inbox.once(CONSUMER, eventId, () -> VenueRequestEntity.<VenueRequestEntity>findById(request.requestId())
                .chain(answered -> answered != null
                        ? replyAgain(answered)
                        : lookupDistrict(request.roomId()).chain(district ->
                        refuse(request, VenueRules.lostRace(), district))));
    }

    /** Cancels the booking made for the request, if there is one that still holds its slot. */
    @WithTransaction
    public Uni<Boolean> release(UUID eventId, VenueEvents.VenueReleased released) {
        return inbox.once(CONSUMER, eventId, () -> BookingEntity.<BookingEntity>find("venueRequestId",
                released.requestId()).firstResult().chain(booking -> {
            if (booking == null) {
                return Uni.createFrom().voidItem();
            }
            Outcome<BookingStatus> transition = BookingLifecycle.release(booking.status);
            if (transition instanceof Outcome.Rejected<BookingStatus>) {
                return Uni.createFrom().voidItem();
            }
            return lookup.station(booking.stationId).chain(station -> {
                booking.status = ((Outcome.Done<BookingStatus>) transition).value();
                booking.statusReason = "VENUE_RELEASED"
                        + (released.reason() == null || released.reason().isBlank() ? "" : ": " + released.reason().strip());
                booking.updatedAt = OffsetDateTime.ofInstant(clock.instant(), ZoneId.of(station.timeZone));
                return booking.<BookingEntity>persistAndFlush()
                        .chain(() -> outbox.record(StationEvents.TOPIC, bookings.event(booking, station)));
            });
        }));
    }

    private Uni<Void> decide(VenueRequested request) {
        if (request.roomId() == null || request.startsAt() == null || request.endsAt() == null
                || TimeRange.check(request.startsAt(), request.endsAt()).isPresent()) {
            return refuse(request, new VenueRules.Refuse("booking-end-not-after-start",
                    "The session must end after it starts"), null);
        }
        return RoomEntity.<RoomEntity>findById(request.roomId()).chain(room -> room == null
                ? refuse(request, VenueRules.unknownRoom(request.roomId()), null)
                : lookup.station(room.stationId).chain(station -> judge(request, room, station)));
    }

    private Uni<Void> judge(VenueRequested request, RoomEntity room, StationEntity station) {
        TimeRange slot = new TimeRange(request.startsAt(), request.endsAt());
        Duration buffer = Duration.ofMinutes(room.bufferMinutes);
        TimeRange near = new TimeRange(slot.start().minus(buffer), slot.end().plus(buffer));
        Instant now = clock.instant();
        return lookup.calendar(station, slot.start(), slot.end())
                .chain(calendar -> bookings.holdingTheSlot(room.id, near).chain(nearby -> {
                    VenueRules.Verdict verdict = VenueRules.judge(new BookingRequest(slot, request.attendees(),
                            room.terms(), calendar, nearby, BookingRequest.BookerUsage.NONE, now));
                    if (verdict instanceof VenueRules.Refuse refusal) {
                        return refuse(request, refusal, station.districtCode);
                    }
                    return book(request, room, station, now);
                }));
    }

    private Uni<Void> book(VenueRequested request, RoomEntity room, StationEntity station, Instant now) {
        ZoneId zone = ZoneId.of(station.timeZone);
        BookingEntity booking = new BookingEntity();
        booking.id = UUID.randomUUID();
        booking.roomId = room.id;
        booking.stationId = station.id;
        booking.startsAt = request.startsAt();
        booking.endsAt = request.endsAt();
        booking.status = BookingStatus.CONFIRMED;
        booking.bookerKind = BookerKind.ORGANIZATION;
        booking.bookerId = request.organizerOrganizationId();
        booking.bookerName = BOOKER_NAME;
        booking.purpose = request.purpose() == null || request.purpose().isBlank() ? BOOKER_NAME : request.purpose().strip();
        booking.attendees = Math.max(1, request.attendees());
        booking.bufferMinutes = room.bufferMinutes;
        booking.venueRequestId = request.requestId();
        booking.sessionId = request.sessionId();
        booking.createdAt = OffsetDateTime.ofInstant(now, zone);
        booking.updatedAt = booking.createdAt;
        VenueRequestEntity answer = answer(request, now);
        answer.bookingId = booking.id;
        // Flushed at once: a concurrent booking of the slot fails here, as the exclusion violation it is.
        return booking.<BookingEntity>persistAndFlush()
                .chain(() -> answer.<VenueRequestEntity>persistAndFlush())
                .chain(() -> outbox.record(StationEvents.TOPIC, bookings.event(booking, station)))
                .chain(() -> outbox.record(VenueEvents.TOPIC_REPLIES, confirmed(request.requestId(), booking,
                        station.districtCode)));
    }

    private Uni<Void> refuse(VenueRequested request, VenueRules.Refuse refusal, String district) {
        VenueRequestEntity answer = answer(request, clock.instant());
        answer.rule = refusal.rule();
        answer.reason = refusal.reason();
        return answer.<VenueRequestEntity>persistAndFlush()
                .chain(() -> outbox.record(VenueEvents.TOPIC_REPLIES, rejected(answer, district)));
    }

    private Uni<Void> replyAgain(VenueRequestEntity answered) {
        if (answered.bookingId == null) {
            return lookupDistrict(answered.roomId)
                    .chain(district -> outbox.record(VenueEvents.TOPIC_REPLIES, rejected(answered, district)));
        }
        return BookingEntity.<BookingEntity>findById(answered.bookingId)
                .chain(booking -> lookup.station(booking.stationId)
                        .chain(station -> outbox.record(VenueEvents.TOPIC_REPLIES,
                                confirmed(answered.requestId, booking, station.districtCode))));
    }

    private Uni<String> lookupDistrict(UUID roomId) {
        if (roomId == null) {
            return Uni.createFrom().nullItem();
        }
        return RoomEntity.<RoomEntity>findById(roomId).chain(room -> room == null
                ? Uni.createFrom().<String>nullItem()
                : StationEntity.<StationEntity>findById(room.stationId).map(s -> s == null ? null : s.districtCode));
    }

    private static VenueRequestEntity answer(VenueRequested request, Instant now) {
        VenueRequestEntity answer = new VenueRequestEntity();
        answer.requestId = request.requestId();
        answer.sessionId = request.sessionId();
        answer.roomId = request.roomId();
        answer.answeredAt = now.atOffset(ZoneOffset.UTC);
        return answer;
    }

    private sh.grassroots.events.EventEnvelope<?> confirmed(UUID requestId, BookingEntity booking, String district) {
        return outbox.envelope(VenueEvents.CONFIRMED, VenueEvents.VERSION, booking.sessionId.toString(), district,
                new VenueEvents.VenueConfirmed(requestId, booking.sessionId, booking.id, booking.stationId,
                        booking.roomId, booking.startsAt, booking.endsAt));
    }

    private sh.grassroots.events.EventEnvelope<?> rejected(VenueRequestEntity answer, String district) {
        return outbox.envelope(VenueEvents.REJECTED, VenueEvents.VERSION, answer.sessionId.toString(), district,
                new VenueEvents.VenueRejected(answer.requestId, answer.sessionId, answer.roomId, answer.rule,
                        answer.reason));
    }
}
