package sh.grassroots.stations.booking.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.orgtree.OrganizationPlaces;
import sh.grassroots.platform.persistence.DatabaseFailures;
import sh.grassroots.platform.web.Cursors;
import sh.grassroots.platform.web.Page;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.stations.access.application.StationAccess;
import sh.grassroots.stations.access.model.StationAccessPolicy;
import sh.grassroots.stations.booking.model.Availability;
import sh.grassroots.stations.booking.model.BookerKind;
import sh.grassroots.stations.booking.model.BookingStatus;
import sh.grassroots.stations.booking.model.CalendarFeed;
import sh.grassroots.stations.booking.model.PhoneNumber;
import sh.grassroots.stations.booking.model.Recurrence;
import sh.grassroots.stations.booking.model.TimeRange;
import sh.grassroots.stations.booking.model.UsageReport;
import sh.grassroots.stations.booking.persistence.BookingEntity;
import sh.grassroots.stations.personaldata.application.PersonalData;
import sh.grassroots.stations.station.application.StationLookup;
import sh.grassroots.stations.station.model.StationCalendar;
import sh.grassroots.stations.station.persistence.RoomEntity;
import sh.grassroots.stations.station.persistence.StationEntity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** What the API calls: the booking use cases, with lost races and stale writes turned into 409s. */
@ApplicationScoped
public class BookingService {
    private static final Logger LOG = Logger.getLogger(BookingService.class);
    private static final long FEED_DAYS_AHEAD = 366;
    /** What a feed shows for someone else's booking: the room is taken. */
    static final String BUSY_SUMMARY = "已预约";
    private final BookingTransactions transactions;
    private final BookingFastLane fastLane;
    private final StationLookup lookup;
    private final StationAccess access;
    private final OrganizationPlaces places;
    private final PersonalData personalData;
    private final Clock clock;

    public BookingService(BookingTransactions transactions, BookingFastLane fastLane, StationLookup lookup, StationAccess access,
                          OrganizationPlaces places, PersonalData personalData, Clock clock) {
        this.transactions = transactions;
        this.fastLane = fastLane;
        this.lookup = lookup;
        this.access = access;
        this.places = places;
        this.personalData = personalData;
        this.clock = clock;
    }

    /** Checks on the request alone, before anything is loaded. */
    private static Optional<ProblemException> malformed(RequestBooking command) {
        if (TimeRange.check(command.start(), command.end()).isPresent()) {
            return Optional.of(BookingProblems.endNotAfterStart());
        }
        if (command.bookerKind() == BookerKind.PUBLIC && PhoneNumber.parse(command.bookerPhone()).isEmpty()) {
            return Optional.of(BookingProblems.invalidPhone());
        }
        if (command.bookerKind() != BookerKind.PUBLIC && command.bookerId() == null) {
            return Optional.of(BookingProblems.bookerIdMissing());
        }
        return Optional.empty();
    }

    /** A member booking for themselves need not repeat their id: it is the caller's subject. */
    private static RequestBooking forCaller(Caller caller, RequestBooking command) {
        if (command.bookerKind() == BookerKind.MEMBER && command.bookerId() == null) {
            return caller.isService() ? command : memberSelf(caller, command);
        }
        return command;
    }

    private static RequestBooking memberSelf(Caller caller, RequestBooking command) {
        try {
            return command.bookedBy(UUID.fromString(caller.subject()));
        } catch (IllegalArgumentException e) {
            return command;
        }
    }

    public Uni<PlacedBooking> request(Caller caller, RequestBooking asked) {
        RequestBooking command = forCaller(caller, asked);
        Optional<ProblemException> malformed = malformed(command);
        if (malformed.isPresent()) {
            return Uni.createFrom().failure(malformed.get());
        }
        return Uni.createFrom().deferred(() -> fastLane.place(caller, command))
                .onFailure(DatabaseFailures::isDeadlock).retry().atMost(3)
                .onFailure(f -> BookingFailures.isOverlap(f) || BookingFailures.isDuplicateIdempotencyKey(f))
                .recoverWithUni(failure -> transactions.explainLostRace(caller, command))
                .chain(placed -> placed != null ? Uni.createFrom().item(placed)
                        : raceHandled(caller, command, () -> transactions.place(caller, command)));
    }

    /** A booking placed with something saved alongside it in the same transaction. */
    public Uni<PlacedBooking> requestWith(Caller caller, RequestBooking asked, Arrangement arrangement,
                                          Function<PlacedBooking, Uni<Void>> alongside) {
        RequestBooking command = forCaller(caller, asked);
        Optional<ProblemException> malformed = malformed(command);
        if (malformed.isPresent()) {
            return Uni.createFrom().failure(malformed.get());
        }
        return raceHandled(caller, command, () -> transactions.placeWith(caller, command, arrangement, alongside));
    }

    private Uni<PlacedBooking> raceHandled(Caller caller, RequestBooking command, Supplier<Uni<PlacedBooking>> place) {
        return Uni.createFrom().deferred(place::get)
                .onFailure(DatabaseFailures::isDeadlock).retry().atMost(3)
                .onFailure(f -> BookingFailures.isOverlap(f) || BookingFailures.isDuplicateIdempotencyKey(f))
                .recoverWithUni(failure -> {
                    LOG.infof("A booking of room %s lost a race at the database (%s)", command.roomId(),
                            BookingFailures.isOverlap(failure) ? "overlap" : "same Idempotency-Key");
                    return transactions.explainLostRace(caller, command);
                });
    }

    /**
     * Books every occurrence of a recurring request: all or nothing in one transaction, or each
     * on its own with a result per occurrence.
     */
    public Uni<SeriesView> requestSeries(Caller caller, RequestBooking asked, String rrule, SeriesView.SeriesMode mode) {
        RequestBooking first = forCaller(caller, asked);
        Optional<ProblemException> invalid = malformed(first);
        if (invalid.isPresent()) {
            return Uni.createFrom().failure(invalid.get());
        }
        Recurrence.Parsed parsed = Recurrence.parse(rrule);
        if (parsed instanceof Recurrence.Malformed rule) {
            return Uni.createFrom().failure(BookingProblems.malformedRecurrence(rule.detail()));
        }
        List<TimeRange> occurrences = ((Recurrence.Valid) parsed).recurrence()
                .occurrences(new TimeRange(first.start(), first.end()), StationCalendar.SHANGHAI);
        if (occurrences.isEmpty()) {
            return Uni.createFrom().failure(BookingProblems.seriesTooLong());
        }
        UUID seriesId = UUID.randomUUID();
        if (mode == SeriesView.SeriesMode.ALL_OR_NOTHING) {
            return Uni.createFrom().deferred(() -> transactions.placeSeries(caller, first, seriesId, occurrences))
                    .onFailure(DatabaseFailures::isDeadlock).retry().atMost(3)
                    .onFailure(BookingFailures::isOverlap).transform(f -> BookingProblems.seriesCollided())
                    .map(placed -> new SeriesView(seriesId, mode, placed.stream()
                            .map(p -> occurrence(p.booking())).toList()));
        }
        // One after the other, each in its own transaction: a refused occurrence leaves the others booked.
        // A caller who may not book for this booker at all is refused once, not once per occurrence.
        Uni<List<SeriesView.Occurrence>> results = mayBook(caller, first).replaceWith(ArrayList::new);
        for (TimeRange occurrence : occurrences) {
            results = results.chain(list -> request(caller, first.at(occurrence, seriesId))
                    .map(placed -> occurrence(placed.booking()))
                    .onFailure(ProblemException.class).recoverWithItem(failure -> {
                        var problem = ((ProblemException) failure).problem();
                        return new SeriesView.Occurrence(local(occurrence.start()), local(occurrence.end()), null, null,
                                problem.type(), problem.detail());
                    })
                    .map(line -> {
                        list.add(line);
                        return list;
                    }));
        }
        return results.map(list -> new SeriesView(seriesId, mode, list));
    }

    @WithSession
    Uni<BookingView.Disclosure> mayBook(Caller caller, RequestBooking command) {
        return transactions.authorize(caller, command, Arrangement.BOOKING);
    }

    public Uni<List<SeriesView.Occurrence>> cancelSeries(Caller caller, UUID stationId, UUID seriesId, String reason) {
        return transactions.cancelSeries(caller, stationId, seriesId, reason)
                .onFailure(DatabaseFailures::isOptimisticLock).transform(f -> BookingProblems.changedMeanwhile());
    }

    private static SeriesView.Occurrence occurrence(BookingView b) {
        return new SeriesView.Occurrence(b.start(), b.end(), b.id(), b.status(), null, null);
    }

    private static OffsetDateTime local(OffsetDateTime t) {
        return BookingView.local(t, StationCalendar.SHANGHAI);
    }

    public Uni<BookingView> approve(Caller caller, UUID stationId, UUID bookingId, Long expectedVersion) {
        return guarded(() -> transactions.approve(caller, stationId, bookingId, expectedVersion));
    }

    public Uni<BookingView> reject(Caller caller, UUID stationId, UUID bookingId, Long expectedVersion, String reason) {
        return guarded(() -> transactions.reject(caller, stationId, bookingId, expectedVersion, reason));
    }

    public Uni<BookingView> cancel(Caller caller, UUID stationId, UUID bookingId, Long expectedVersion, String reason) {
        return guarded(() -> transactions.cancel(caller, stationId, bookingId, expectedVersion, reason));
    }

    public Uni<BookingView> checkIn(Caller caller, UUID stationId, UUID bookingId, Long expectedVersion) {
        return guarded(() -> transactions.checkIn(caller, stationId, bookingId, expectedVersion));
    }

    private static Uni<BookingView> guarded(Supplier<Uni<BookingView>> write) {
        return write.get().onFailure(DatabaseFailures::isOptimisticLock)
                .transform(f -> BookingProblems.changedMeanwhile());
    }

    /** One booking: its side or the station's managers. */
    @WithSession
    public Uni<BookingView> get(Caller caller, UUID stationId, UUID bookingId) {
        return lookup.station(stationId).chain(station -> BookingEntity.<BookingEntity>findById(bookingId)
                .map(b -> b != null && b.stationId.equals(stationId) ? b : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Booking", bookingId))
                .chain(b -> transactions.allowed(caller, station, b, StationAccessPolicy::actOnBooking)
                        .map(seen -> BookingView.opened(b, ZoneId.of(station.timeZone), seen, personalData))));
    }

    /**
     * A station's bookings of one local day, in order: what a manager looks at in the morning.
     * Anyone signed in sees when rooms are taken; only the managers and each booking's own side
     * see whose it is and what for.
     */
    @WithSession
    public Uni<List<BookingView>> day(Caller caller, UUID stationId, LocalDate date) {
        return days(caller, stationId, date, 1);
    }

    /** As {@link #day}, for {@code days} local days from {@code date} on: a desk's week at once. */
    @WithSession
    public Uni<List<BookingView>> days(Caller caller, UUID stationId, LocalDate date, int days) {
        return lookup.station(stationId).chain(station -> {
            ZoneId zone = ZoneId.of(station.timeZone);
            OffsetDateTime from = date.atStartOfDay(zone).toOffsetDateTime();
            OffsetDateTime to = date.plusDays(days).atStartOfDay(zone).toOffsetDateTime();
            return BookingEntity.<BookingEntity>list(
                            "stationId = ?1 and startsAt >= ?2 and startsAt < ?3 order by startsAt, id", stationId, from, to)
                    .chain(rows -> seenBy(caller, station, rows))
                    .map(seen -> seen.stream().map(s -> BookingView.of(s.booking(), zone, s.disclosure(), personalData))
                            .toList());
        });
    }

    /**
     * The requests waiting for the managers' decision, soonest first, from now on: the station's
     * managers only (a member sees their own request's status on the booking itself).
     */
    @WithSession
    public Uni<List<BookingView>> awaitingApproval(Caller caller, UUID stationId) {
        return lookup.station(stationId).chain(station -> access.policy(caller).chain(policy ->
                access.station(station).chain(ref -> StationAccess.enforce(policy.manage(ref), station))))
                .chain(station -> BookingEntity.<BookingEntity>find("stationId = ?1 and status = ?2 and endsAt > ?3"
                                        + " order by startsAt, id", stationId, BookingStatus.REQUESTED,
                                OffsetDateTime.now(clock)).page(0, 500).list()
                        .map(rows -> rows.stream().map(b -> BookingView.of(b, ZoneId.of(station.timeZone),
                                BookingView.Disclosure.STATION, personalData)).toList()));
    }

    private record Seen(BookingEntity booking, BookingView.Disclosure disclosure) {
    }

    /**
     * How much of each booking the caller sees, deciding each booker's side once, one lookup after
     * the other in the session.
     */
    private Uni<List<Seen>> seenBy(Caller caller, StationEntity station, List<BookingEntity> rows) {
        return access.policy(caller).chain(policy -> StationAccess.enforce(policy.look(), policy))
                .chain(policy -> access.station(station).chain(ref -> {
                    if (policy.runs(ref)) {
                        return Uni.createFrom().item(rows.stream()
                                .map(b -> new Seen(b, BookingView.Disclosure.STATION)).toList());
                    }
                    Map<String, Boolean> sides = new HashMap<>();
                    Uni<List<Seen>> seen = Uni.createFrom().item(new ArrayList<>());
                    for (BookingEntity b : rows) {
                        String key = b.bookerKind + ":" + b.bookerId;
                        seen = seen.chain(list -> (sides.containsKey(key) ? Uni.createFrom().item(sides.get(key))
                                : access.booker(b.bookerKind, b.bookerId).map(booker -> {
                                    boolean full = policy.seesInFull(ref, booker);
                                    sides.put(key, full);
                                    return full;
                                }))
                                .map(full -> {
                                    list.add(new Seen(b, full ? BookingView.Disclosure.BOOKER_SIDE : BookingView.Disclosure.BUSY));
                                    return list;
                                }));
                    }
                    return seen;
                }));
    }

    /** Free slots: anyone signed in. */
    @WithSession
    public Uni<AvailabilityView> availability(Caller caller, UUID stationId, UUID roomId, LocalDate date) {
        return lookup.station(stationId).chain(station -> lookup.room(stationId, roomId)
                .call(room -> mayLook(caller))
                .chain(room -> roomDay(station, room, date)));
    }

    private Uni<StationAccessPolicy> mayLook(Caller caller) {
        return access.policy(caller).chain(policy -> StationAccess.enforce(policy.look(), policy));
    }

    /**
     * Free slots of every room of a station (or of one room) for {@code days} local days from
     * {@code from}: a phone planning the week. Read one room-day after the other in one session.
     */
    @WithSession
    public Uni<List<AvailabilityView>> availability(Caller caller, UUID stationId, LocalDate from, int days) {
        return lookup.station(stationId).call(station -> mayLook(caller)).chain(station -> rooms(stationId, null).chain(rooms -> {
            List<RoomEntity> sorted = rooms.stream()
                    .sorted(java.util.Comparator.comparing((RoomEntity r) -> r.name).thenComparing(r -> r.id)).toList();
            Uni<List<AvailabilityView>> all = Uni.createFrom().item(new ArrayList<>());
            for (int d = 0; d < days; d++) {
                LocalDate date = from.plusDays(d);
                for (RoomEntity room : sorted) {
                    all = all.chain(list -> roomDay(station, room, date).map(view -> {
                        list.add(view);
                        return list;
                    }));
                }
            }
            return all;
        }));
    }

    private Uni<AvailabilityView> roomDay(StationEntity station, RoomEntity room, LocalDate date) {
        UUID stationId = station.id;
        UUID roomId = room.id;
        ZoneId zone = ZoneId.of(station.timeZone);
        OffsetDateTime dayStart = date.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime dayEnd = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        return lookup.calendar(station, dayStart, dayEnd).chain(calendar -> {
            var opening = calendar.hours().openingOn(date, zone);
            if (opening.isEmpty()) {
                return Uni.createFrom().item(new AvailabilityView(stationId, roomId, date, List.of()));
            }
            TimeRange window = new TimeRange(opening.get().opens().toOffsetDateTime(),
                    opening.get().closes().toOffsetDateTime());
            Duration buffer = Duration.ofMinutes(room.bufferMinutes);
            TimeRange near = new TimeRange(window.start().minus(buffer), window.end().plus(buffer));
            return transactions.holdingTheSlot(room.id, near).map(bookings -> {
                List<TimeRange> closures = new ArrayList<>();
                calendar.closures().forEach(c -> closures.add(new TimeRange(c.start(), c.end())));
                List<AvailabilityView.Slot> free = Availability.ofRoom(window, room.terms(), bookings, closures,
                                clock.instant()).stream()
                        .map(s -> new AvailabilityView.Slot(BookingView.local(s.start(), zone),
                                BookingView.local(s.end(), zone)))
                        .toList();
                return new AvailabilityView(stationId, roomId, date, free);
            });
        });
    }

    /**
     * The slot-holding bookings of a station (or of one of its rooms) from a week back to the
     * booking horizon, as iCalendar. Anyone signed in may subscribe; as in the day list, others'
     * bookings are busy slots, and booker names are written for the managers only.
     */
    @WithSession
    public Uni<String> calendar(Caller caller, UUID stationId, UUID roomId) {
        Instant now = clock.instant();
        OffsetDateTime from = now.minus(Duration.ofDays(7)).atOffset(ZoneOffset.UTC);
        OffsetDateTime to = now.plus(Duration.ofDays(FEED_DAYS_AHEAD)).atOffset(ZoneOffset.UTC);
        return lookup.station(stationId).chain(station -> rooms(stationId, roomId).chain(rooms -> {
            Map<UUID, String> roomNames = rooms.stream().collect(Collectors.toMap(r -> r.id, r -> r.name));
            String query = "stationId = ?1 and status in ?2 and startsAt < ?3 and endsAt > ?4"
                    + (roomId == null ? "" : " and roomId = ?5") + " order by startsAt, id";
            Object[] params = roomId == null
                    ? new Object[]{stationId, new ArrayList<>(BookingStatus.HOLDING_THE_SLOT), to, from}
                    : new Object[]{stationId, new ArrayList<>(BookingStatus.HOLDING_THE_SLOT), to, from, roomId};
            return BookingEntity.<BookingEntity>list(query, params).chain(rows -> seenBy(caller, station, rows))
                    .map(seen -> CalendarFeed.write(
                            roomId == null ? station.name : station.name + " · " + roomNames.get(roomId),
                            seen.stream().map(s -> feedEntry(s, station.name + " "
                                    + roomNames.getOrDefault(s.booking().roomId, ""))).toList(),
                            now));
        }));
    }

    private static CalendarFeed.Entry feedEntry(Seen seen, String location) {
        BookingEntity b = seen.booking();
        String uid = b.id + "@stations.grassroots.sh";
        return switch (seen.disclosure()) {
            case BUSY -> new CalendarFeed.Entry(uid, b.slot(), b.status, BUSY_SUMMARY, location, null);
            case BOOKER_SIDE -> new CalendarFeed.Entry(uid, b.slot(), b.status, b.purpose, location, null);
            case STATION -> new CalendarFeed.Entry(uid, b.slot(), b.status, b.purpose, location, b.bookerName);
        };
    }

    /** Usage of a station's rooms by bookings starting on the local days from {@code from} to {@code to}, inclusive. */
    /** The station's managers. */
    @WithSession
    public Uni<UsageView> usage(Caller caller, UUID stationId, LocalDate from, LocalDate to) {
        return lookup.station(stationId).call(station -> access.station(station).chain(ref -> access.policy(caller)
                .chain(policy -> StationAccess.enforce(policy.manage(ref), ref)))).chain(station -> {
            ZoneId zone = ZoneId.of(station.timeZone);
            OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
            OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
            return RoomEntity.<RoomEntity>list("stationId = ?1 order by name, id", stationId).chain(rooms ->
                    BookingEntity.<BookingEntity>list("stationId = ?1 and startsAt >= ?2 and startsAt < ?3",
                                    stationId, start, end)
                            .map(rows -> {
                                UsageReport.Result result = UsageReport.of(rooms.stream().map(r -> r.id).toList(),
                                        rows.stream().map(b -> new UsageReport.Booking(b.roomId, b.slot(), b.status))
                                                .toList());
                                return new UsageView(stationId, from, to, UsageView.Figures.of(result.total()),
                                        rooms.stream().map(r -> new UsageView.RoomFigures(r.id, r.name,
                                                UsageView.Figures.of(result.byRoom().get(r.id)))).toList());
                            }));
        });
    }

    /**
     * A member's bookings that have not ended yet, soonest first, across all stations: what the
     * phone's home screen shows. Keyset pagination on (start, id).
     */
    @WithSession
    public Uni<Page<BookingView>> upcomingOf(Caller caller, UUID personId, int limit, String cursor) {
        return access.policy(caller).chain(policy -> StationAccess.enforce(policy.personsBookings(personId), policy))
                .chain(policy -> upcoming(personId, limit, cursor));
    }

    private Uni<Page<BookingView>> upcoming(UUID personId, int limit, String cursor) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        List<BookingStatus> held = new ArrayList<>(BookingStatus.HOLDING_THE_SLOT);
        Uni<List<BookingEntity>> rows;
        if (cursor == null || cursor.isBlank()) {
            rows = BookingEntity.<BookingEntity>find("bookerKind = ?1 and bookerId = ?2 and status in ?3 and endsAt > ?4"
                            + " order by startsAt, id", BookerKind.MEMBER, personId, held, now)
                    .page(0, limit + 1).list();
        } else {
            Cursors.TimeAndId after = Cursors.decodeTimeAndId(cursor);
            OffsetDateTime afterStart = after.time().atOffset(ZoneOffset.UTC);
            rows = BookingEntity.<BookingEntity>find("bookerKind = ?1 and bookerId = ?2 and status in ?3 and endsAt > ?4"
                                    + " and (startsAt > ?5 or (startsAt = ?5 and id > ?6)) order by startsAt, id",
                            BookerKind.MEMBER, personId, held, now, afterStart, after.id())
                    .page(0, limit + 1).list();
        }
        return rows.chain(list -> zones(list).map(zones -> {
            Page<BookingEntity> page = Page.of(list, limit, b -> Cursors.encode(b.startsAt.toInstant(), b.id));
            return new Page<>(page.items().stream()
                    .map(b -> BookingView.of(b, zones.getOrDefault(b.stationId, StationCalendar.SHANGHAI),
                            BookingView.Disclosure.BOOKER_SIDE, personalData))
                    .toList(), page.nextCursor());
        }));
    }

    /** The station zones of the given bookings, read in one query. */
    private Uni<Map<UUID, ZoneId>> zones(List<BookingEntity> rows) {
        List<UUID> ids = rows.stream().map(b -> b.stationId).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return StationEntity.<StationEntity>list("id in ?1", ids)
                .map(stations -> stations.stream().collect(Collectors.toMap(s -> s.id, s -> ZoneId.of(s.timeZone))));
    }

    /**
     * An organization's slot-holding bookings at any station, from a week back to a year ahead, as
     * iCalendar: what a branch secretary subscribes to.
     */
    @WithSession
    public Uni<String> organizationCalendar(Caller caller, UUID organizationId) {
        return places.placeOf(organizationId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Organization", organizationId))
                .chain(place -> access.policy(caller)
                        .chain(policy -> StationAccess.enforce(policy.organizationBookings(place), place)))
                .chain(place -> organizationFeed(organizationId));
    }

    private Uni<String> organizationFeed(UUID organizationId) {
        Instant now = clock.instant();
        OffsetDateTime from = now.minus(Duration.ofDays(7)).atOffset(ZoneOffset.UTC);
        OffsetDateTime to = now.plus(Duration.ofDays(FEED_DAYS_AHEAD)).atOffset(ZoneOffset.UTC);
        return BookingEntity.<BookingEntity>list("bookerKind = ?1 and bookerId = ?2 and status in ?3"
                                + " and startsAt < ?4 and endsAt > ?5 order by startsAt, id", BookerKind.ORGANIZATION,
                        organizationId, new ArrayList<>(BookingStatus.HOLDING_THE_SLOT), to, from)
                .chain(rows -> {
                    List<UUID> stationIds = rows.stream().map(b -> b.stationId).distinct().toList();
                    List<UUID> roomIds = rows.stream().map(b -> b.roomId).distinct().toList();
                    Uni<Map<UUID, String>> stationNames = stationIds.isEmpty() ? Uni.createFrom().item(Map.of())
                            : StationEntity.<StationEntity>list("id in ?1", stationIds)
                            .map(l -> l.stream().collect(Collectors.toMap(s -> s.id, s -> s.name)));
                    return stationNames.chain(stations -> (roomIds.isEmpty()
                            ? Uni.createFrom().<Map<UUID, String>>item(Map.of())
                            : RoomEntity.<RoomEntity>list("id in ?1", roomIds)
                            .map(l -> l.stream().collect(Collectors.toMap(r -> r.id, r -> r.name))))
                            .map(rooms -> CalendarFeed.write(
                                    rows.isEmpty() ? "场地预约" : rows.get(0).bookerName + " · 场地预约",
                                    rows.stream().map(b -> new CalendarFeed.Entry(b.id + "@stations.grassroots.sh",
                                            b.slot(), b.status, b.purpose,
                                            stations.getOrDefault(b.stationId, "") + " "
                                                    + rooms.getOrDefault(b.roomId, ""),
                                            b.bookerName)).toList(),
                                    now)));
                });
    }

    private Uni<List<RoomEntity>> rooms(UUID stationId, UUID roomId) {
        return roomId == null
                ? RoomEntity.<RoomEntity>list("stationId", stationId)
                : lookup.room(stationId, roomId).map(List::of);
    }
}
