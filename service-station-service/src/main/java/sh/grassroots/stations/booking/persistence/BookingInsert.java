package sh.grassroots.stations.booking.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.stations.booking.model.TimeRange;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A new booking and its outbox row in one statement, which is its own transaction: the database
 * decides. The insert happens only where the station's rules are still those of
 * {@code expectedRulesVersion} (what the caller judged the request by) and only where the
 * exclusion constraints, the primary key and the per-caller Idempotency-Key let it: {@code ON
 * CONFLICT DO NOTHING} without a target turns a lost race into no row rather than an error and a
 * rollback. The event row is inserted from the booking's {@code RETURNING}, so there is one only
 * when there is a booking. The same statement reads, in the same snapshot, the station's current
 * rules version and the bookings holding the slot around the request, so that a refusal can be
 * explained without another round trip. bench/station-booking.pgbench runs this statement too.
 */
@ApplicationScoped
public class BookingInsert {
    /** The status list must match BookingStatus.HOLDING_THE_SLOT and the exclusion constraints'. */
    static final String SQL = """
            with guard as (
                select rules_version from station where id = $1
            ), ins as (
                insert into booking (id, room_id, station_id, starts_at, ends_at, status, booker_kind, booker_id,
                                     booker_name, booker_phone, purpose, attendees, series_id, idempotency_key,
                                     idempotency_caller, request_fingerprint, created_at, updated_at, version,
                                     buffer_minutes)
                select $3::uuid, $2::uuid, $1::uuid, $4::timestamptz, $5::timestamptz, $6::text, $7::text, $8::uuid,
                       $9::text, $10::text, $11::text, $12::integer, $13::uuid, $14::text, $15::text, $16::text,
                       $17::timestamptz, $17::timestamptz, 0, $18::integer
                from guard where rules_version = $19::bigint
                on conflict do nothing
                returning id
            ), event as (
                insert into outbox_event (event_id, topic, message_key, event_type, envelope)
                select $20::uuid, $21::text, $22::text, $23::text, $24::text from ins
            )
            select (select rules_version from guard) as rules_version,
                   (select id from ins) as inserted,
                   near.starts, near.ends
            from (select array_agg(b.starts_at order by b.starts_at) as starts,
                         array_agg(b.ends_at order by b.starts_at) as ends
                  from booking b
                  where b.room_id = $2::uuid and b.status in ('REQUESTED', 'CONFIRMED', 'CHECKED_IN')
                    and b.starts_at < $5::timestamptz + make_interval(mins => $18::integer)
                    and b.ends_at > $4::timestamptz - make_interval(mins => $18::integer)) near
            """;

    private final Pool pool;

    public BookingInsert(Pool pool) {
        this.pool = pool;
    }

    /** The row to insert; {@code bookerPhone} is already sealed. */
    public record NewBooking(UUID id, UUID roomId, UUID stationId, OffsetDateTime startsAt, OffsetDateTime endsAt,
                             String status, String bookerKind, UUID bookerId, String bookerName, String bookerPhone,
                             String purpose, int attendees, UUID seriesId, String idempotencyKey,
                             String idempotencyCaller, String requestFingerprint, OffsetDateTime createdAt,
                             int bufferMinutes) {
    }

    /** The outbox row that goes with it, as platform/outbox's Outbox would record it. */
    public record Event(UUID eventId, String topic, String messageKey, String eventType, String envelope) {
    }

    /**
     * What the statement found: the station's rules version in its snapshot (null if the station
     * is gone), whether the booking was inserted, and the bookings holding the slot around it
     * (widened by the buffer given) in that snapshot.
     */
    public record Outcome(Long rulesVersion, boolean inserted, List<TimeRange> nearby) {
    }

    public Uni<Outcome> insert(NewBooking b, int roomBufferMinutes, long expectedRulesVersion, Event e) {
        Tuple params = Tuple.tuple()
                .addValue(b.stationId()).addValue(b.roomId()).addValue(b.id())
                .addValue(b.startsAt()).addValue(b.endsAt()).addValue(b.status()).addValue(b.bookerKind())
                .addValue(b.bookerId()).addValue(b.bookerName()).addValue(b.bookerPhone()).addValue(b.purpose())
                .addValue(b.attendees()).addValue(b.seriesId()).addValue(b.idempotencyKey())
                .addValue(b.idempotencyCaller()).addValue(b.requestFingerprint()).addValue(b.createdAt())
                .addValue(roomBufferMinutes).addValue(expectedRulesVersion)
                .addValue(e.eventId()).addValue(e.topic()).addValue(e.messageKey()).addValue(e.eventType())
                .addValue(e.envelope());
        return pool.preparedQuery(SQL).execute(params).map(rows -> outcome(rows.iterator().next()));
    }

    private static Outcome outcome(Row row) {
        OffsetDateTime[] starts = row.getArrayOfOffsetDateTimes("starts");
        OffsetDateTime[] ends = row.getArrayOfOffsetDateTimes("ends");
        List<TimeRange> nearby = new ArrayList<>();
        if (starts != null) {
            for (int i = 0; i < starts.length; i++) {
                nearby.add(new TimeRange(starts[i], ends[i]));
            }
        }
        return new Outcome(row.getLong("rules_version"), row.getUUID("inserted") != null, nearby);
    }
}
