create table station (
    id            uuid primary key,
    name          text             not null check (length(name) between 1 and 200),
    district_code char(6)          not null,
    address       text             not null,
    latitude      double precision check (latitude between -90 and 90),
    longitude     double precision check (longitude between -180 and 180),
    host_units    text[]           not null default '{}',
    services      text[]           not null default '{}',
    manager_scope text             not null,
    time_zone     text             not null default 'Asia/Shanghai',
    created_at    timestamptz      not null default now(),
    version       bigint           not null default 0
);

create index station_district on station (district_code, id);

-- One row per weekday the station opens (ISO weekday: 1 = Monday); a missing day is a closed day.
create table station_opening_hours (
    station_id uuid     not null references station (id) on delete cascade,
    weekday    smallint not null check (weekday between 1 and 7),
    opens      time     not null,
    closes     time     not null,
    primary key (station_id, weekday),
    check (closes > opens)
);

create table station_closure (
    id         uuid primary key,
    station_id uuid        not null references station (id) on delete cascade,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    reason     text        not null,
    check (ends_at > starts_at)
);

create index station_closure_station on station_closure (station_id, starts_at);

create table room (
    id                            uuid primary key,
    station_id                    uuid    not null references station (id),
    name                          text    not null check (length(name) between 1 and 200),
    capacity                      integer not null check (capacity > 0),
    facilities                    text[]  not null default '{}',
    requires_approval             boolean not null default false,
    min_notice_minutes            integer not null check (min_notice_minutes >= 0),
    max_horizon_days              integer not null check (max_horizon_days >= 0),
    min_length_minutes            integer not null check (min_length_minutes >= 0),
    max_length_minutes            integer not null check (max_length_minutes >= min_length_minutes),
    buffer_minutes                integer not null check (buffer_minutes >= 0),
    cancellation_deadline_minutes integer not null check (cancellation_deadline_minutes >= 0),
    -- 0 = no quota; counted per booker over slot-holding bookings of the room.
    weekly_quota                  integer not null default 0 check (weekly_quota >= 0),
    monthly_quota                 integer not null default 0 check (monthly_quota >= 0),
    version                       bigint  not null default 0
);

create index room_station on room (station_id);

create table booking (
    id                  uuid primary key,
    room_id             uuid        not null references room (id),
    station_id          uuid        not null references station (id),
    starts_at           timestamptz not null,
    ends_at             timestamptz not null,
    status              text        not null
        check (status in ('REQUESTED', 'CONFIRMED', 'REJECTED', 'CANCELLED', 'CHECKED_IN', 'NO_SHOW')),
    booker_kind         text        not null check (booker_kind in ('ORGANIZATION', 'MEMBER_UNIT', 'MEMBER', 'PUBLIC')),
    booker_id           uuid,
    booker_name         text        not null,
    booker_phone        text,
    purpose             text        not null,
    attendees           integer     not null check (attendees > 0),
    status_reason       text,
    series_id           uuid,
    idempotency_key     text unique,
    request_fingerprint text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null default 0,
    check (ends_at > starts_at),
    -- The guard that makes a double booking impossible whatever the concurrency: two bookings of
    -- one room that still hold their slot may not share a moment. Half-open ranges, so bookings
    -- that touch at a boundary are fine. The status list must match BookingStatus.HOLDING_THE_SLOT.
    constraint booking_no_overlap exclude using gist (
        room_id with =,
        tstzrange(starts_at, ends_at, '[)') with &&
    ) where (status in ('REQUESTED', 'CONFIRMED', 'CHECKED_IN'))
);

create index booking_station_start on booking (station_id, starts_at);
create index booking_series on booking (series_id) where series_id is not null;
create index booking_room_booker on booking (room_id, booker_id, starts_at) where booker_id is not null;
