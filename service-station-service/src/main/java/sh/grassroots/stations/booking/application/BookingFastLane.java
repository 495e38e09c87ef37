package sh.grassroots.stations.booking.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.events.EventEnvelope;
import sh.grassroots.events.StationEvents;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Scope;
import sh.grassroots.stations.access.model.StationAccessPolicy;
import sh.grassroots.stations.booking.model.BookerKind;
import sh.grassroots.stations.booking.model.BookingDecision;
import sh.grassroots.stations.booking.model.BookingRequest;
import sh.grassroots.stations.booking.model.BookingRules;
import sh.grassroots.stations.booking.model.BookingStatus;
import sh.grassroots.stations.booking.model.PhoneNumber;
import sh.grassroots.stations.booking.model.TimeRange;
import sh.grassroots.stations.booking.persistence.BookingEntity;
import sh.grassroots.stations.booking.persistence.BookingInsert;
import sh.grassroots.stations.personaldata.application.PersonalData;
import sh.grassroots.stations.station.model.RoomTerms;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A member's (or a walk-in's) booking in one statement. The rules and the access check are asked
 * of this replica's copy of the station's rules ({@link StationRulesCache}); the statement
 * ({@link BookingInsert}) inserts the booking and its event only if the station's rules version is
 * still the copy's, in the same snapshot in which the exclusion constraints decide on the slot. So
 * a yes is the database's: the copy was current when the booking was made, whoever changed the
 * station meanwhile. A no from the copy is never answered from here: it may be the copy's age
 * speaking, so such a request takes the full path ({@link BookingTransactions#place}), which reads
 * everything in its transaction.
 *
 * <p>Not for this lane (the full path takes them, answering null here): bookings in an
 * organization's or a member unit's name and callers with an organization scope (their checks read
 * the organization tree), rooms with a quota (counted under a lock, which needs a transaction of
 * several statements).
 */
@ApplicationScoped
public class BookingFastLane {
    private final StationRulesCache rules;
    private final BookingInsert insert;
    private final BookingTransactions transactions;
    private final PersonalData personalData;
    private final ObjectMapper mapper;
    private final Clock clock;

    public BookingFastLane(StationRulesCache rules, BookingInsert insert, BookingTransactions transactions,
                           PersonalData personalData, ObjectMapper mapper, Clock clock) {
        this.rules = rules;
        this.insert = insert;
        this.transactions = transactions;
        this.personalData = personalData;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The booking placed, or refused with its problem; null when the full path must decide. */
    public Uni<PlacedBooking> place(Caller caller, RequestBooking command) {
        if (caller.orgScopeId().isPresent()
                || !(command.bookerKind() == BookerKind.PUBLIC
                || (command.bookerKind() == BookerKind.MEMBER && command.bookerId() != null))) {
            return Uni.createFrom().nullItem();
        }
        return rules.of(command.stationId()).chain(station -> attempt(caller, command, station, true));
    }

    private Uni<PlacedBooking> attempt(Caller caller, RequestBooking command, StationRules station, boolean mayReload) {
        if (station == null) {
            return Uni.createFrom().nullItem();
        }
        RoomTerms room = station.room(command.roomId()).orElse(null);
        if (room == null) {
            return mayReload ? rules.reload(command.stationId()).chain(fresh -> attempt(caller, command, fresh, false))
                    : Uni.createFrom().nullItem();
        }
        if (room.weeklyQuota() > 0 || room.monthlyQuota() > 0) {
            return Uni.createFrom().nullItem();
        }
        StationAccessPolicy policy = new StationAccessPolicy(Scope.of(caller, null));
        StationAccessPolicy.Station where = station.asStation();
        StationAccessPolicy.Booker booker = command.bookerKind() == BookerKind.PUBLIC
                ? new StationAccessPolicy.WalkIn() : new StationAccessPolicy.Member(command.bookerId());
        if (policy.book(where, booker).isPresent()) {
            return Uni.createFrom().nullItem();
        }
        Instant now = clock.instant();
        TimeRange slot = new TimeRange(command.start(), command.end());
        BookingDecision decision = BookingRules.decide(new BookingRequest(slot, command.attendees(), room,
                station.calendar(), List.of(), BookingRequest.BookerUsage.NONE, now));
        if (!(decision instanceof BookingDecision.Accepted accepted)) {
            return Uni.createFrom().nullItem();
        }
        BookingView.Disclosure seen = BookingView.Disclosure.of(policy.runs(where), true);
        BookingEntity booking = booking(caller, command, station, room, accepted.initialStatus(), now);
        EventEnvelope<?> event = transactions.event(booking, station.districtCode());
        String envelope;
        try {
            envelope = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Event cannot be serialised: " + event.type(), e));
        }
        int buffer = (int) room.buffer().toMinutes();
        return insert.insert(row(booking), buffer, station.rulesVersion(),
                        new BookingInsert.Event(event.eventId(), StationEvents.TOPIC, event.aggregateId(), event.type(),
                                envelope))
                .chain(outcome -> {
                    if (outcome.inserted()) {
                        return Uni.createFrom().item(new PlacedBooking(
                                BookingView.of(booking, station.zone(), seen, personalData), false, seen));
                    }
                    if (outcome.rulesVersion() == null || outcome.rulesVersion() != station.rulesVersion()) {
                        return mayReload
                                ? rules.reload(command.stationId()).chain(fresh -> attempt(caller, command, fresh, false))
                                : Uni.createFrom().nullItem();
                    }
                    return lost(caller, command, slot, room, station, now, outcome.nearby());
                });
    }

    /**
     * The statement inserted nothing at the rules it was judged by: a booking holds the slot or is
     * too close (named from the bookings the statement saw), or, when no booking it saw explains it,
     * the Idempotency-Key was used or a competitor committed after the statement began: the full
     * explanation reads again.
     */
    private Uni<PlacedBooking> lost(Caller caller, RequestBooking command, TimeRange slot, RoomTerms room,
                                    StationRules station, Instant now, List<TimeRange> nearby) {
        if (command.idempotencyKey() == null) {
            ZoneId zone = station.zone();
            List<TimeRange> local = nearby.stream().map(r -> new TimeRange(BookingView.local(r.start(), zone),
                    BookingView.local(r.end(), zone))).toList();
            BookingDecision decision = BookingRules.decide(new BookingRequest(slot, command.attendees(), room,
                    station.calendar(), local, BookingRequest.BookerUsage.NONE, now));
            if (decision instanceof BookingDecision.Rejected rejected) {
                return Uni.createFrom().failure(BookingProblems.of(rejected, zone));
            }
        }
        return transactions.explainLostRace(caller, command);
    }

    private BookingEntity booking(Caller caller, RequestBooking command, StationRules station, RoomTerms room,
                                  BookingStatus initial, Instant now) {
        BookingEntity booking = new BookingEntity();
        booking.id = UUID.randomUUID();
        booking.roomId = command.roomId();
        booking.stationId = station.stationId();
        booking.startsAt = command.start();
        booking.endsAt = command.end();
        booking.status = initial;
        booking.bookerKind = command.bookerKind();
        booking.bookerId = command.bookerId();
        booking.bookerName = command.bookerName().strip();
        booking.bookerPhone = personalData.seal(PhoneNumber.parse(command.bookerPhone()).map(PhoneNumber::digits)
                .orElse(null));
        booking.purpose = command.purpose().strip();
        booking.attendees = command.attendees();
        booking.bufferMinutes = (int) room.buffer().toMinutes();
        booking.seriesId = command.seriesId();
        booking.idempotencyKey = command.idempotencyKey();
        booking.idempotencyCaller = command.idempotencyKey() == null ? null : caller.subject();
        booking.requestFingerprint = command.idempotencyKey() == null ? null : command.fingerprint();
        booking.createdAt = OffsetDateTime.ofInstant(now, station.zone());
        booking.updatedAt = booking.createdAt;
        return booking;
    }

    private static BookingInsert.NewBooking row(BookingEntity b) {
        return new BookingInsert.NewBooking(b.id, b.roomId, b.stationId, b.startsAt, b.endsAt, b.status.name(),
                b.bookerKind.name(), b.bookerId, b.bookerName, b.bookerPhone, b.purpose, b.attendees, b.seriesId,
                b.idempotencyKey, b.idempotencyCaller, b.requestFingerprint, b.createdAt, b.bufferMinutes);
    }
}
