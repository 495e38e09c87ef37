package sh.grassroots.stations.station.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.stations.station.model.DailyHours;
import sh.grassroots.stations.station.model.RoomTerms;
import sh.grassroots.stations.station.model.StationCalendar;
import sh.grassroots.stations.station.persistence.ClosureEntity;
import sh.grassroots.stations.station.persistence.OpeningHoursEntity;
import sh.grassroots.stations.station.persistence.RoomEntity;
import sh.grassroots.stations.station.persistence.StationEntity;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StationService {
    private final StationLookup lookup;
    private final Clock clock;

    public StationService(StationLookup lookup, Clock clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<StationView> create(CreateStation command) {
        StationEntity station = new StationEntity();
        station.id = UUID.randomUUID();
        station.name = command.name().strip();
        station.districtCode = command.districtCode();
        station.address = command.address().strip();
        station.latitude = command.latitude();
        station.longitude = command.longitude();
        station.hostUnits = strings(command.hostUnits());
        station.services = strings(command.services());
        station.managerScope = command.managerScope();
        station.timeZone = StationCalendar.SHANGHAI.getId();
        station.createdAt = OffsetDateTime.now(clock);
        List<OpeningHoursEntity> hours = command.openingHours().entrySet().stream()
                .map(e -> hours(station.id, e.getKey(), e.getValue())).toList();
        // One entity after the other: a reactive session must not run two statements at once.
        Uni<Void> saved = station.persist().replaceWithVoid();
        for (OpeningHoursEntity h : hours) {
            saved = saved.chain(() -> h.persist()).replaceWithVoid();
        }
        return saved.replaceWith(() -> StationView.of(station, hours, List.of()));
    }

    @WithSession
    public Uni<StationView> get(UUID stationId) {
        return lookup.station(stationId).chain(station ->
                OpeningHoursEntity.<OpeningHoursEntity>list("key.stationId", stationId).chain(hours ->
                        ClosureEntity.<ClosureEntity>list("stationId = ?1 and endsAt > ?2", stationId,
                                        OffsetDateTime.now(clock))
                                .map(closures -> StationView.of(station, hours, closures))));
    }

    @WithTransaction
    public Uni<StationView.ClosureView> addClosure(UUID stationId, OffsetDateTime start, OffsetDateTime end,
                                                    String reason) {
        return lookup.station(stationId).chain(station -> {
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
    public Uni<RoomView> addRoom(UUID stationId, CreateRoom command) {
        return lookup.station(stationId).chain(station -> {
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
                return Uni.createFrom().failure(new ProblemException(Problem.withErrors(400, "validation",
                        "Invalid request", "The minimum length exceeds the maximum length",
                        List.of(new Problem.FieldError("minLengthMinutes", "must not exceed maxLengthMinutes")))));
            }
            return room.persist().replaceWith(() -> RoomView.of(room));
        });
    }

    @WithSession
    public Uni<RoomView> room(UUID stationId, UUID roomId) {
        return lookup.room(stationId, roomId).map(RoomView::of);
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
