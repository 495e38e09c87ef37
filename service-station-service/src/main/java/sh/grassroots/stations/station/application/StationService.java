package sh.grassroots.stations.station.application;

import sh.grassroots.platform.web.Rejections;
import sh.grassroots.platform.rules.RuleKind;
import sh.grassroots.platform.rules.Rule;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Refusal;
import sh.grassroots.stations.access.application.StationAccess;
import sh.grassroots.stations.access.model.StationAccessPolicy;
import sh.grassroots.stations.station.model.DailyHours;
import sh.grassroots.stations.station.model.RoomTerms;
import sh.grassroots.stations.station.model.StationCalendar;
import sh.grassroots.stations.station.persistence.ClosureEntity;
import sh.grassroots.stations.station.persistence.OpeningHoursEntity;
import sh.grassroots.stations.station.persistence.RoomEntity;
import sh.grassroots.stations.station.persistence.StationEntity;
import sh.grassroots.stations.station.persistence.StationManagerEntity;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stations, their managers, closures and rooms. Each use case loads its station, asks the access
 * policy inside its own transaction, and only then acts.
 */
@ApplicationScoped
public class StationService {
    /** A room whose shortest booking is longer than its longest: the request is malformed as written. */
    private static final Rule LENGTHS_INVERTED = Rule.of("validation", RuleKind.MALFORMED);

    private final StationLookup lookup;
    private final StationAccess access;
    private final Clock clock;

    public StationService(StationLookup lookup, StationAccess access, Clock clock) {
        this.lookup = lookup;
        this.access = access;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<StationView> create(Caller caller, CreateStation command) {
        return access.policy(caller).chain(policy -> StationAccess.enforce(
                policy.createStation(command.districtCode()), policy)).chain(policy -> {
            StationEntity station = new StationEntity();
            station.id = UUID.randomUUID();
            station.name = command.name().strip();
            station.districtCode = command.districtCode();
            station.address = command.address().strip();
            station.latitude = command.latitude();
            station.longitude = command.longitude();
            station.hostUnits = strings(command.hostUnits());
            station.services = strings(command.services());
            station.timeZone = StationCalendar.SHANGHAI.getId();
            station.createdAt = OffsetDateTime.now(clock);
            List<OpeningHoursEntity> hours = command.openingHours().entrySet().stream()
                    .map(e -> hours(station.id, e.getKey(), e.getValue())).toList();
            List<String> managers = subjects(command.managers());
            // One entity after the other: a reactive session must not run two statements at once.
            Uni<Void> saved = station.persist().replaceWithVoid();
            for (OpeningHoursEntity h : hours) {
                saved = saved.chain(() -> h.persist()).replaceWithVoid();
            }
            for (String subject : managers) {
                saved = saved.chain(() -> manager(station.id, subject).persist()).replaceWithVoid();
            }
            return saved.replaceWith(() -> StationView.of(station, managers, hours, List.of()));
        });
    }

    /** Open to anyone signed in; the managers are listed to those who run the station. */
    @WithSession
    public Uni<StationView> get(Caller caller, UUID stationId) {
        return lookup.station(stationId).chain(station -> access.policy(caller)
                .chain(policy -> StationAccess.enforce(policy.look(), policy))
                .chain(policy -> access.station(station).chain(ref ->
                        OpeningHoursEntity.<OpeningHoursEntity>list("key.stationId", stationId).chain(hours ->
                                ClosureEntity.<ClosureEntity>list("stationId = ?1 and endsAt > ?2", stationId,
                                                OffsetDateTime.now(clock))
                                        .map(closures -> StationView.of(station,
                                                policy.runs(ref) ? ref.managers().stream().sorted().toList()
                                                        : null, hours, closures))))));
    }

    /** A station as the list of the stations one runs shows it. */
    public record StationSummary(UUID id, String name, String districtCode, String address) {
    }

    /**
     * The stations the caller runs: those they are named manager of, and every station of a
     * district admin's district. Anyone signed in may ask; who runs none gets an empty list. Each
     * candidate is put to the policy, so that the list and the desk's checks never disagree.
     */
    @WithSession
    public Uni<List<StationSummary>> runByCaller(Caller caller) {
        return access.policy(caller).chain(policy -> StationAccess.enforce(policy.look(), policy)).chain(policy ->
                StationEntity.<StationEntity>list("id in (select m.key.stationId from StationManagerEntity m"
                                + " where m.key.subject = ?1) or districtCode = ?2 order by name, id",
                        caller.subject(), caller.district() == null ? "" : caller.district())
                        .chain(candidates -> {
                            Uni<List<StationSummary>> run = Uni.createFrom().item(new java.util.ArrayList<>());
                            for (StationEntity station : candidates) {
                                run = run.chain(list -> access.station(station).map(ref -> {
                                    if (policy.runs(ref)) {
                                        list.add(new StationSummary(station.id, station.name, station.districtCode,
                                                station.address));
                                    }
                                    return list;
                                }));
                            }
                            return run;
                        }));
    }

    /** A station's rooms, by name: anyone signed in, as they book them. */
    @WithSession
    public Uni<List<RoomView>> rooms(Caller caller, UUID stationId) {
        return lookup.station(stationId).chain(station -> access.policy(caller)
                .chain(policy -> StationAccess.enforce(policy.look(), policy))
                .chain(policy -> RoomEntity.<RoomEntity>list("stationId = ?1 order by name, id", stationId))
                .map(rooms -> rooms.stream().map(RoomView::of).toList()));
    }

    /** The managers of a station: for those who run it. */
    @WithSession
    public Uni<ManagersView> managers(Caller caller, UUID stationId) {
        return runBy(caller, stationId, StationAccessPolicy::manage).chain(this::managersOf);
    }

    /** Names a manager (idempotent): the admin of the station's district. */
    @WithTransaction
    public Uni<ManagersView> addManager(Caller caller, UUID stationId, String subject) {
        return runBy(caller, stationId, StationAccessPolicy::appointManagers).chain(station ->
                StationManagerEntity.<StationManagerEntity>findById(new StationManagerEntity.Key(stationId, subject))
                        .chain(known -> known != null ? Uni.createFrom().voidItem()
                                : manager(stationId, subject).persist().replaceWithVoid())
                        .chain(() -> managersOf(station)));
    }

    /** Removes a manager (idempotent): the admin of the station's district. */
    @WithTransaction
    public Uni<ManagersView> removeManager(Caller caller, UUID stationId, String subject) {
        return runBy(caller, stationId, StationAccessPolicy::appointManagers).chain(station ->
                StationManagerEntity.delete("key.stationId = ?1 and key.subject = ?2", stationId, subject)
                        .chain(() -> managersOf(station)));
    }

    @WithTransaction
    public Uni<StationView.ClosureView> addClosure(Caller caller, UUID stationId, OffsetDateTime start,
                                                    OffsetDateTime end, String reason) {
        return runBy(caller, stationId, StationAccessPolicy::manage).chain(station -> {
            ClosureEntity closure = new ClosureEntity();
            closure.id = UUID.randomUUID();
            closure.stationId = stationId;
            closure.startsAt = start;
            closure.endsAt = end;
            closure.reason = reason.strip();
            var zone = java.time.ZoneId.of(station.timeZone);
            return closure.persist().replaceWith(() -> new StationView.ClosureView(closure.id,
                    StationView.local(start, zone), StationView.local(end, zone), closure.reason));
        });
    }

    @WithTransaction
    public Uni<RoomView> addRoom(Caller caller, UUID stationId, CreateRoom command) {
        return runBy(caller, stationId, StationAccessPolicy::manage).chain(station -> {
            RoomTerms standard = RoomTerms.standard(command.capacity());
            RoomEntity room = new RoomEntity();
            room.id = UUID.randomUUID();
            room.stationId = stationId;
            room.name = command.name().strip();
            room.capacity = command.capacity();
            room.facilities = strings(command.facilities());
            room.requiresApproval = command.requiresApproval();
            room.minNoticeMinutes = or(command.minNoticeMinutes(), standard.minimumNotice().toMinutes());
            room.maxHorizonDays = or(command.maxHorizonDays(), standard.maximumHorizon().toDays());
            room.minLengthMinutes = or(command.minLengthMinutes(), standard.minimumLength().toMinutes());
            room.maxLengthMinutes = or(command.maxLengthMinutes(), standard.maximumLength().toMinutes());
            room.bufferMinutes = or(command.bufferMinutes(), standard.buffer().toMinutes());
            room.cancellationDeadlineMinutes = or(command.cancellationDeadlineMinutes(),
                    standard.cancellationDeadline().toMinutes());
            room.weeklyQuota = or(command.weeklyQuota(), standard.weeklyQuota());
            room.monthlyQuota = or(command.monthlyQuota(), standard.monthlyQuota());
            if (room.minLengthMinutes > room.maxLengthMinutes) {
                return Uni.createFrom().failure(Rejections.exception(
                        LENGTHS_INVERTED.rejects("The minimum length exceeds the maximum length"),
                        "minLengthMinutes", "must not exceed maxLengthMinutes"));
            }
            return room.persist().replaceWith(() -> RoomView.of(room));
        });
    }

    /** A room and its terms: anyone signed in, as they book it. */
    @WithSession
    public Uni<RoomView> room(Caller caller, UUID stationId, UUID roomId) {
        return lookup.room(stationId, roomId).chain(room -> access.policy(caller)
                .chain(policy -> StationAccess.enforce(policy.look(), RoomView.of(room))));
    }

    private interface AccessRule {
        Optional<Refusal> ask(StationAccessPolicy policy, StationAccessPolicy.Station station);
    }

    /** The station, once {@code rule} allows the caller at it (404 first for an unknown station). */
    private Uni<StationEntity> runBy(Caller caller, UUID stationId, AccessRule rule) {
        return lookup.station(stationId).chain(station -> access.policy(caller)
                .chain(policy -> access.station(station)
                        .chain(ref -> StationAccess.enforce(rule.ask(policy, ref), station))));
    }

    private Uni<ManagersView> managersOf(StationEntity station) {
        return access.managers(station.id).map(m -> new ManagersView(station.id, station.districtCode, m));
    }

    private StationManagerEntity manager(UUID stationId, String subject) {
        StationManagerEntity m = new StationManagerEntity();
        m.key = new StationManagerEntity.Key(stationId, subject);
        m.namedAt = OffsetDateTime.now(clock);
        return m;
    }

    private static List<String> subjects(List<String> named) {
        if (named == null) {
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        named.forEach(s -> distinct.add(s.strip()));
        return List.copyOf(distinct);
    }

    private static OpeningHoursEntity hours(UUID stationId, DayOfWeek day, DailyHours daily) {
        OpeningHoursEntity row = new OpeningHoursEntity();
        row.key = new OpeningHoursEntity.Key(stationId, (short) day.getValue());
        row.opens = daily.opens();
        row.closes = daily.closes();
        return row;
    }

    private static String[] strings(List<String> values) {
        return values == null ? new String[0] : values.stream().map(String::strip).toArray(String[]::new);
    }

    private static int or(Integer value, long fallback) {
        return value != null ? value : (int) fallback;
    }
}
