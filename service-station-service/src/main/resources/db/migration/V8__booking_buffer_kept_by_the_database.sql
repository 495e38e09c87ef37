-- A room's buffer between bookings, kept by the database as the overlap is: each booking carries
-- the buffer its room asked for when it was made, and no two bookings of a room that hold their
-- slot may come closer than the earlier one's buffer. Checked in Java alone, two requests for
-- neighbouring slots made at the same moment both passed.
--
-- A booking's slot is extended at its end by its buffer: [starts_at, ends_at + buffer). Two such
-- ranges of A before B overlap exactly when B starts less than A's buffer after A ends, which is
-- what BookingRules.bufferKept refuses when both carry the room's buffer (the Java rule widens
-- the new booking on both sides by the room's buffer; with one buffer for both, that is the same
-- condition). After a room's buffer changes, the bookings made before keep the one they were made
-- under, and the rules (with the new buffer) are the stricter check for new requests.
alter table booking add column buffer_minutes integer not null default 0 check (buffer_minutes >= 0);

-- Existing bookings get their room's buffer, but never more than the gap to the next booking of the
-- room that holds its slot: what was booked stays valid under the new constraint.
with holding as (
    select b.id, r.buffer_minutes as room_buffer,
           lead(b.starts_at) over (partition by b.room_id order by b.starts_at, b.id) as next_start,
           b.ends_at
    from booking b join room r on r.id = b.room_id
    where b.status in ('REQUESTED', 'CONFIRMED', 'CHECKED_IN')
)
update booking set buffer_minutes = greatest(0, least(h.room_buffer,
        coalesce(floor(extract(epoch from (h.next_start - h.ends_at)) / 60)::integer, h.room_buffer)))
from holding h where booking.id = h.id;

-- Adding minutes to a timestamptz never depends on the time zone (only days and months do), so
-- this is immutable, as an exclusion constraint's expression must be.
create function booking_clear_until(ends_at timestamptz, buffer_minutes integer) returns timestamptz
    language sql immutable strict parallel safe
    as $$ select ends_at + make_interval(mins => buffer_minutes) $$;

-- The status list must match BookingStatus.HOLDING_THE_SLOT, as booking_no_overlap's.
alter table booking add constraint booking_buffer_kept exclude using gist (
    room_id with =,
    tstzrange(starts_at, booking_clear_until(ends_at, buffer_minutes), '[)') with &&
) where (status in ('REQUESTED', 'CONFIRMED', 'CHECKED_IN'));
