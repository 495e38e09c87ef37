package sh.grassroots.stations.booking.application;

import sh.grassroots.platform.web.IdempotencyKeys;
import sh.grassroots.platform.web.ETags;
import sh.grassroots.events.StationEvents;
import sh.grassroots.events.VenueEvents;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.events.EventEnvelope;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Refusal;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.stations.access.application.StationAccess;
import sh.grassroots.stations.access.model.Actor;
import sh.grassroots.stations.access.model.StationAccessPolicy;
import sh.grassroots.stations.booking.model.BookingDecision;
import sh.grassroots.stations.booking.model.BookingLifecycle;
import sh.grassroots.stations.booking.model.BookingRequest;
import sh.grassroots.stations.booking.model.BookingRules;
import sh.grassroots.stations.booking.model.BookingStatus;
import sh.grassroots.stations.booking.model.PhoneNumber;
import sh.grassroots.stations.booking.model.TimeRange;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.stations.booking.persistence.BookingEntity;
import sh.grassroots.stations.personaldata.application.PersonalData;
import sh.grassroots.stations.station.application.StationLookup;
import sh.grassroots.stations.station.model.StationCalendar;
import sh.grassroots.stations.station.persistence.RoomEntity;
import sh.grassroots.stations.station.persistence.StationEntity;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The booking use cases that write, each in one transaction with the events it records. Kept
 * apart from {@link BookingService} so that a failed transaction can be explained in a fresh
 * session after it rolled back.
 */
@ApplicationScoped
public class BookingTransactions {
    private final StationLookup lookup;
    private final StationAccess access;
    private final PersonalData personalData;
    private final Outbox outbox;
    private final Clock clock;

    public BookingTransactions(StationLookup lookup, StationAccess access, PersonalData personalData, Outbox outbox,
                               Clock clock) {
        this.lookup = lookup;
        this.access = access;
        this.personalData = personalData;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Who may place {@code command}: the station and room exist (404), the booker it names is known
     * (422 naming {@code bookerId}), and the caller may book for that booker (403). Runs in the
     * caller's transaction; answers how much of the new booking the caller sees.
     */
    public Uni<BookingView.Disclosure> authorize(Caller caller, RequestBooking command, Arrangement arrangement) {
        return lookup.station(command.stationId())
                .call(station -> lookup.room(command.stationId(), command.roomId()))
                .chain(access::station)
                .chain(station -> access.namedBooker(command.bookerKind(), command.bookerId())
                        .chain(booker -> access.policy(caller).chain(policy -> StationAccess.enforce(
                                arrangement.ask(policy, station, booker),
                                BookingView.Disclosure.of(policy.runs(station), true)))));
    }

    /**
     * Checks the rules and saves; the exclusion constraint fails the flush if another booking won
     * the race. The Idempotency-Key is looked up last: a retry whose first attempt committed while
     * this one was loading is then found here, not mistaken for a competitor in the slot.
     */
    @WithTransaction
    public Uni<PlacedBooking> place(Caller caller, RequestBooking command) {
        TimeRange slot = new TimeRange(command.start(), command.end());
        return authorize(caller, command, Arrangement.BOOKING).chain(seen -> load(command, slot)
                .chain(setting -> byIdempotencyKey(caller, command).chain(existing -> existing != null
                        ? replay(existing, command, seen)
                        : decideAndSave(caller, command, slot, setting, seen))));
    }

    /**
     * Places a booking and, in the same transaction, saves what belongs to it (e.g. a mediation's
     * parties): both commit or neither.
     */
    @WithTransaction
    public Uni<PlacedBooking> placeWith(Caller caller, RequestBooking command, Arrangement arrangement,
                                        java.util.function.Function<PlacedBooking, Uni<Void>> alongside) {
        TimeRange slot = new TimeRange(command.start(), command.end());
        return authorize(caller, command, arrangement).chain(seen -> load(command, slot)
                        .chain(setting -> decideAndSave(caller, command, slot, setting, seen)))
                .call(alongside::apply);
    }

    /** A key is the caller's own: another caller's use of the same key is another request. */
    private Uni<BookingEntity> byIdempotencyKey(Caller caller, RequestBooking command) {
        return command.idempotencyKey() == null
                ? Uni.createFrom().nullItem()
                : BookingEntity.<BookingEntity>find("idempotencyCaller = ?1 and idempotencyKey = ?2",
                        caller.subject(), command.idempotencyKey()).firstResult();
    }

    /**
     * Places every occurrence of a series in one transaction, or none: the first occurrence a rule
     * rejects fails the whole series, naming that occurrence.
     */
    @WithTransaction
    public Uni<List<PlacedBooking>> placeSeries(Caller caller, RequestBooking first, UUID seriesId,
                                                List<TimeRange> occurrences) {
        return authorize(caller, first, Arrangement.BOOKING)
                .chain(seen -> placeEach(caller, first, seriesId, occurrences, seen));
    }

    private Uni<List<PlacedBooking>> placeEach(Caller caller, RequestBooking first, UUID seriesId,
                                               List<TimeRange> occurrences, BookingView.Disclosure seen) {
        Uni<List<PlacedBooking>> placed = Uni.createFrom().item(new ArrayList<>());
        for (int i = 0; i < occurrences.size(); i++) {
            TimeRange occurrence = occurrences.get(i);
            RequestBooking one = first.at(occurrence, seriesId);
            String which = "Occurrence " + (i + 1) + " of " + occurrences.size() + " (" + occurrence.start() + ")";
            placed = placed.chain(list -> load(one, occurrence)
                    .chain(setting -> decideAndSave(caller, one, occurrence, setting, seen))
                    .onFailure(ProblemException.class)
                    .transform(failure -> BookingProblems.forOccurrence(which, (ProblemException) failure))
                    .map(booking -> {
                        list.add(booking);
                        return list;
                    }));
        }
        return placed;
    }

    /**
     * Explains why the insert lost: the same Idempotency-Key committed first (replay it), or an
     * overlapping booking did (name its slot).
     */
    @WithSession
    public Uni<PlacedBooking> explainLostRace(Caller caller, RequestBooking command) {
        return byIdempotencyKey(caller, command).chain(existing -> {
            if (existing != null) {
                return lookup.station(existing.stationId).chain(access::station)
                        .chain(station -> access.policy(caller).map(policy ->
                                BookingView.Disclosure.of(policy.runs(station), true)))
                        .chain(seen -> replay(existing, command, seen));
            }
            TimeRange slot = new TimeRange(command.start(), command.end());
            return lookup.station(command.stationId()).chain(station -> holdingTheSlot(command.roomId(), slot)
                    .chain(conflicts -> conflicts.isEmpty()
                            ? lookup.room(command.stationId(), command.roomId()).chain(room -> tooClose(room, slot, station))
                            : Uni.createFrom().<PlacedBooking>failure(
                                    BookingProblems.slotTaken(conflicts.get(0), ZoneId.of(station.timeZone)))));
        });
    }

    /** No booking overlaps the slot: the one that won is within the buffer (booking_buffer_kept). */
    private Uni<PlacedBooking> tooClose(RoomEntity room, TimeRange slot, StationEntity station) {
        return holdingTheSlot(room.id, widened(slot, room)).chain(near -> {
            ZoneId zone = ZoneId.of(station.timeZone);
            var decision = BookingRules.bufferKept(slot, Duration.ofMinutes(room.bufferMinutes), inZone(near, zone));
            return Uni.createFrom().<PlacedBooking>failure(decision.map(rejected -> BookingProblems.of(rejected, zone))
                    .orElseGet(BookingProblems::slotTakenMeanwhile));
        });
    }

    /** The station's managers decide on a request. */
    @WithTransaction
    public Uni<BookingView> approve(Caller caller, UUID stationId, UUID bookingId, Long expectedVersion) {
        return move(caller, stationId, bookingId, expectedVersion, null, (policy, station, booker) -> policy.manage(station),
                (booking, room, now) -> BookingLifecycle.approve(booking.status), true);
    }

    @WithTransaction
    public Uni<BookingView> reject(Caller caller, UUID stationId, UUID bookingId, Long expectedVersion, String reason) {
        return move(caller, stationId, bookingId, expectedVersion, reason, (policy, station, booker) -> policy.manage(station),
                (booking, room, now) -> BookingLifecycle.reject(booking.status), true);
    }

    /** The booker's side or the station's managers. */
    @WithTransaction
    public Uni<BookingView> cancel(Caller caller, UUID stationId, UUID bookingId, Long expectedVersion, String reason) {
        return move(caller, stationId, bookingId, expectedVersion, reason, StationAccessPolicy::actOnBooking,
                (booking, room, now) -> BookingLifecycle.cancel(booking.status, booking.slot(),
                        Duration.ofMinutes(room.cancellationDeadlineMinutes), now));
    }

    /** At the desk: the station's managers. */
    @WithTransaction
    public Uni<BookingView> checkIn(Caller caller, UUID stationId, UUID bookingId, Long expectedVersion) {
        return move(caller, stationId, bookingId, expectedVersion, null, (policy, station, booker) -> policy.manage(station),
                (booking, room, now) -> BookingLifecycle.checkIn(booking.status, booking.slot(), now));
    }

    /**
     * Cancels the occurrences of a series that can still be cancelled, in one transaction; the
     * others (past their deadline, already cancelled, checked in) are listed with the rule that kept them.
     */
    @WithTransaction
    public Uni<List<SeriesView.Occurrence>> cancelSeries(Caller caller, UUID stationId, UUID seriesId, String reason) {
        return lookup.station(stationId).chain(station -> BookingEntity.<BookingEntity>list(
                        "stationId = ?1 and seriesId = ?2 order by startsAt", stationId, seriesId)
                .call(rows -> rows.isEmpty()
                        ? Uni.createFrom().failure(ProblemException.notFound("Series", seriesId))
                        : allowed(caller, station, rows.get(0), StationAccessPolicy::actOnBooking))
                .chain(rows -> {
                    ZoneId zone = ZoneId.of(station.timeZone);
                    Instant now = clock.instant();
                    Uni<List<SeriesView.Occurrence>> results = Uni.createFrom().item(new ArrayList<>());
                    for (BookingEntity booking : rows) {
                        results = results.chain(list -> cancelOne(booking, station, reason, now)
                                .map(refused -> {
                                    list.add(new SeriesView.Occurrence(BookingView.local(booking.startsAt, zone),
                                            BookingView.local(booking.endsAt, zone), booking.id, booking.status,
                                            refused == null ? null : Problem.type(refused.rule().slug()),
                                            refused == null ? null : refused.detail()));
                                    return list;
                                }));
                    }
                    return results;
                }));
    }

    /** Null when cancelled, otherwise the refusal. */
    private Uni<Outcome.Rejected<BookingStatus>> cancelOne(BookingEntity booking, StationEntity station, String reason, Instant now) {
        return lookup.room(station.id, booking.roomId).chain(room -> {
            Outcome<BookingStatus> transition = BookingLifecycle.cancel(booking.status, booking.slot(),
                    Duration.ofMinutes(room.cancellationDeadlineMinutes), now);
            if (transition instanceof Outcome.Rejected<BookingStatus> refused) {
                return Uni.createFrom().item(refused);
            }
            booking.status = ((Outcome.Done<BookingStatus>) transition).value();
            booking.statusReason = reason == null || reason.isBlank() ? booking.statusReason : reason.strip();
            booking.updatedAt = OffsetDateTime.ofInstant(now, ZoneId.of(station.timeZone));
            return recordChange(booking, station).replaceWith((Outcome.Rejected<BookingStatus>) null);
        });
    }

    private interface Step {
        Outcome<BookingStatus> decide(BookingEntity booking, RoomEntity room, Instant now);
    }

    /** Who may act on a stored booking of a station. */
    public interface Rule {
        Optional<Refusal> ask(StationAccessPolicy policy, StationAccessPolicy.Station station,
                              StationAccessPolicy.Booker booker);
    }

    /**
     * Whether {@code rule} lets the caller act on {@code booking}; fails with the 403 otherwise.
     * Answers how much of the booking the caller sees. Runs in the caller's session.
     */
    public Uni<BookingView.Disclosure> allowed(Caller caller, StationEntity station, BookingEntity booking, Rule rule) {
        return access.station(station).chain(ref -> access.booker(booking.bookerKind, booking.bookerId)
                .chain(booker -> access.policy(caller).chain(policy -> StationAccess.enforce(
                        rule.ask(policy, ref, booker), BookingView.Disclosure.of(policy.runs(ref), true)))));
    }

    private Uni<BookingView> move(Caller caller, UUID stationId, UUID bookingId, Long expectedVersion, String reason,
                                  Rule rule, Step step) {
        return move(caller, stationId, bookingId, expectedVersion, reason, rule, step, false);
    }

    /**
     * {@code expectedVersion}, when given, is the version the client last saw (If-Match). A
     * {@code decision} (approving or rejecting a request) records who took it.
     */
    private Uni<BookingView> move(Caller caller, UUID stationId, UUID bookingId, Long expectedVersion, String reason,
                                  Rule rule, Step step, boolean decision) {
        return booking(stationId, bookingId).chain(booking -> lookup.station(stationId).chain(station ->
                allowed(caller, station, booking, rule).chain(seen -> stale(booking, expectedVersion)
                ? Uni.createFrom().<BookingView>failure(ETags.stale(expectedVersion, booking.version))
                : lookup.room(stationId, booking.roomId).chain(room -> {
                    Instant now = clock.instant();
                    Outcome<BookingStatus> transition = step.decide(booking, room, now);
                    if (transition instanceof Outcome.Rejected<BookingStatus> refused) {
                        return Uni.createFrom().failure(BookingProblems.of(refused.rejection()));
                    }
                    booking.status = ((Outcome.Done<BookingStatus>) transition).value();
                    booking.statusReason = reason == null || reason.isBlank() ? booking.statusReason : reason.strip();
                    booking.updatedAt = OffsetDateTime.ofInstant(now, ZoneId.of(station.timeZone));
                    if (decision) {
                        booking.decidedBy(Actor.of(caller), booking.updatedAt);
                    }
                    return booking.<BookingEntity>persistAndFlush()
                            .chain(() -> recordChange(booking, station))
                            .replaceWith(() -> BookingView.of(booking, ZoneId.of(station.timeZone), seen, personalData));
                }))));
    }

    private static boolean stale(BookingEntity booking, Long expectedVersion) {
        return expectedVersion != null && booking.version != expectedVersion.longValue();
    }

    private Uni<BookingEntity> booking(UUID stationId, UUID bookingId) {
        return BookingEntity.<BookingEntity>findById(bookingId)
                .map(b -> b != null && b.stationId.equals(stationId) ? b : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Booking", bookingId));
    }

    private Uni<PlacedBooking> replay(BookingEntity existing, RequestBooking command, BookingView.Disclosure seen) {
        if (!command.fingerprint().equals(existing.requestFingerprint)) {
            return Uni.createFrom().failure(IdempotencyKeys.reused());
        }
        return lookup.station(existing.stationId).map(station -> new PlacedBooking(
                BookingView.of(existing, ZoneId.of(station.timeZone), seen, personalData), true, seen));
    }

    /** What the rules look at besides the request itself, loaded one statement after the other. */
    private record Setting(RoomEntity room, StationEntity station, StationCalendar calendar,
                           List<TimeRange> nearby, BookingRequest.BookerUsage usage) {
    }

    private Uni<PlacedBooking> decideAndSave(Caller caller, RequestBooking command, TimeRange slot, Setting setting,
                                             BookingView.Disclosure seen) {
        Instant now = clock.instant();
        ZoneId zone = setting.calendar().zone();
        BookingDecision decision = BookingRules.decide(new BookingRequest(slot, command.attendees(),
                setting.room().terms(), setting.calendar(), setting.nearby(), setting.usage(), now));
        if (decision instanceof BookingDecision.Rejected rejected) {
            return Uni.createFrom().failure(BookingProblems.of(rejected, zone));
        }
        BookingStatus initial = ((BookingDecision.Accepted) decision).initialStatus();
        return save(caller, command, setting.room(), setting.station(), initial, now, seen);
    }

    private Uni<Setting> load(RequestBooking command, TimeRange slot) {
        return lookup.room(command.stationId(), command.roomId())
                .chain(room -> lookup.station(command.stationId())
                        .chain(station -> lookup.calendar(station, slot.start(), slot.end())
                                .chain(calendar -> holdingTheSlot(room.id, widened(slot, room))
                                        .chain(nearby -> usage(command, room, calendar.zone())
                                                .map(usage -> new Setting(room, station, calendar,
                                                        inZone(nearby, calendar.zone()), usage))))));
    }

    private static TimeRange widened(TimeRange slot, RoomEntity room) {
        Duration buffer = Duration.ofMinutes(room.bufferMinutes);
        return new TimeRange(slot.start().minus(buffer), slot.end().plus(buffer));
    }

    /** Counted only when the room has a quota and the booker is known by id. */
    private Uni<BookingRequest.BookerUsage> usage(RequestBooking command, RoomEntity room, ZoneId zone) {
        if (command.bookerId() == null || (room.weeklyQuota == 0 && room.monthlyQuota == 0)) {
            return Uni.createFrom().item(BookingRequest.BookerUsage.NONE);
        }
        LocalDate day = command.start().atZoneSameInstant(zone).toLocalDate();
        return lockQuota(room.id, command.bookerId()).chain(() -> countUsage(command, room, zone, day));
    }

    /**
     * Takes the transaction-scoped lock of one booker's quota at one room before counting: two
     * requests of one booker at the same moment both counted the bookings before either was saved
     * and both passed a quota of one. The second now waits for the first to commit or roll back,
     * and its count (a new statement, so a new snapshot) sees the first's booking. A lock per
     * booker and room, not the room's row, so that other bookers of the room never wait for it.
     */
    private static Uni<Void> lockQuota(UUID roomId, UUID bookerId) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(?1, 0))", Integer.class)
                        .setParameter(1, "booking-quota:" + roomId + ":" + bookerId)
                        .getSingleResult())
                .replaceWithVoid();
    }

    private Uni<BookingRequest.BookerUsage> countUsage(RequestBooking command, RoomEntity room, ZoneId zone,
                                                       LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstOfMonth = day.withDayOfMonth(1);
        return countHeld(room.id, command.bookerId(), monday.atStartOfDay(zone).toOffsetDateTime(),
                monday.plusWeeks(1).atStartOfDay(zone).toOffsetDateTime())
                .chain(week -> countHeld(room.id, command.bookerId(), firstOfMonth.atStartOfDay(zone).toOffsetDateTime(),
                        firstOfMonth.plusMonths(1).atStartOfDay(zone).toOffsetDateTime())
                        .map(month -> new BookingRequest.BookerUsage(week.intValue(), month.intValue())));
    }

    private Uni<Long> countHeld(UUID roomId, UUID bookerId, OffsetDateTime from, OffsetDateTime to) {
        return BookingEntity.count("roomId = ?1 and bookerId = ?2 and status in ?3 and startsAt >= ?4 and startsAt < ?5",
                roomId, bookerId, new ArrayList<>(BookingStatus.HOLDING_THE_SLOT), from, to);
    }

    private Uni<PlacedBooking> save(Caller caller, RequestBooking command, RoomEntity room, StationEntity station,
                                    BookingStatus initial, Instant now, BookingView.Disclosure seen) {
        ZoneId zone = ZoneId.of(station.timeZone);
        BookingEntity booking = new BookingEntity();
        booking.id = UUID.randomUUID();
        booking.roomId = room.id;
        booking.stationId = station.id;
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
        booking.bufferMinutes = room.bufferMinutes;
        booking.seriesId = command.seriesId();
        booking.idempotencyKey = command.idempotencyKey();
        booking.idempotencyCaller = command.idempotencyKey() == null ? null : caller.subject();
        booking.requestFingerprint = command.idempotencyKey() == null ? null : command.fingerprint();
        booking.createdAt = OffsetDateTime.ofInstant(now, zone);
        booking.updatedAt = booking.createdAt;
        // Flush here so that a lost race fails now, as the exclusion violation it is.
        return booking.<BookingEntity>persistAndFlush()
                .chain(() -> outbox.record(StationEvents.TOPIC, event(booking, station)))
                .replaceWith(() -> new PlacedBooking(BookingView.of(booking, zone, seen, personalData), false, seen));
    }

    /** Bookings of the room that hold their slot and touch {@code around}; runs in the caller's session. */
    public Uni<List<TimeRange>> holdingTheSlot(UUID roomId, TimeRange around) {
        return BookingEntity.<BookingEntity>list(
                        "roomId = ?1 and status in ?2 and startsAt < ?3 and endsAt > ?4 order by startsAt",
                        roomId, new ArrayList<>(BookingStatus.HOLDING_THE_SLOT), around.end(), around.start())
                .map(rows -> rows.stream().map(BookingEntity::slot).toList());
    }

    private static List<TimeRange> inZone(List<TimeRange> ranges, ZoneId zone) {
        return ranges.stream().map(r -> new TimeRange(BookingView.local(r.start(), zone), BookingView.local(r.end(), zone)))
                .toList();
    }

    /**
     * Records the booking's event for its new status; when the station cancelled a room it had
     * confirmed for a training session (not at training's request: that is
     * {@code VenueTransactions.release}), also tells training, whose session has lost its room.
     */
    public Uni<Void> recordChange(BookingEntity b, StationEntity station) {
        Uni<Void> recorded = outbox.record(StationEvents.TOPIC, event(b, station));
        if (b.status != BookingStatus.CANCELLED || b.venueRequestId == null || b.sessionId == null) {
            return recorded;
        }
        return recorded.chain(() -> outbox.record(VenueEvents.TOPIC_REPLIES, outbox.envelope(VenueEvents.CANCELLED,
                VenueEvents.VERSION, b.sessionId.toString(), station.districtCode, new VenueEvents.VenueCancelled(
                        b.venueRequestId, b.sessionId, b.id, b.stationId, b.roomId, b.statusReason))));
    }

    public EventEnvelope<?> event(BookingEntity b, StationEntity station) {
        return event(b, station.districtCode);
    }

    public EventEnvelope<?> event(BookingEntity b, String districtCode) {
        String kind = b.bookerKind.name();
        Object payload;
        String type;
        if (b.status == BookingStatus.REQUESTED) {
            type = StationEvents.REQUESTED;
            payload = new StationEvents.BookingRequested(b.id, b.stationId, b.roomId, b.startsAt, b.endsAt, kind,
                    b.bookerId, b.attendees);
        } else if (b.status == BookingStatus.CONFIRMED) {
            type = StationEvents.CONFIRMED;
            payload = new StationEvents.BookingConfirmed(b.id, b.stationId, b.roomId, b.startsAt, b.endsAt, kind,
                    b.bookerId, b.attendees);
        } else if (b.status == BookingStatus.REJECTED) {
            type = StationEvents.REJECTED;
            payload = new StationEvents.BookingRejected(b.id, b.stationId, b.roomId, b.statusReason);
        } else if (b.status == BookingStatus.CANCELLED) {
            type = StationEvents.CANCELLED;
            payload = new StationEvents.BookingCancelled(b.id, b.stationId, b.roomId, b.startsAt, b.endsAt,
                    b.statusReason);
        } else if (b.status == BookingStatus.CHECKED_IN) {
            type = StationEvents.CHECKED_IN;
            payload = new StationEvents.BookingCheckedIn(b.id, b.stationId, b.roomId, b.updatedAt);
        } else if (b.status == BookingStatus.NO_SHOW) {
            type = StationEvents.NO_SHOW;
            payload = new StationEvents.BookingNoShow(b.id, b.stationId, b.roomId, b.startsAt, b.endsAt);
        } else {
            throw new IllegalStateException("No event for a booking moved to " + b.status);
        }
        return outbox.envelope(type, StationEvents.VERSION, b.id.toString(), districtCode, payload);
    }
}
