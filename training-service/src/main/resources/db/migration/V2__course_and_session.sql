-- Courses and their sessions. The seat counter on session is what stops over-enrolment:
-- a seat is taken by "update ... set seats_taken = seats_taken + 1 where seats_taken < capacity"
-- in the same transaction as the enrolment row, and the check constraint is the last guard.
create table course (
    id            uuid primary key,
    title         text         not null check (length(btrim(title)) > 0),
    kind          text         not null check (kind in ('LECTURE', 'IMMERSIVE', 'ON_SITE_THEME_DAY', 'ACADEMY', 'FORUM')),
    provider_kind text         not null check (provider_kind in ('ORGANIZATION', 'JOINT_CONFERENCE')),
    provider_id   uuid         not null,
    credit_hours  numeric(4,1) not null check (credit_hours >= 0),
    description   text,
    created_at    timestamptz  not null
);

-- Who may enrol; no row of a kind means no restriction of that kind.
create table course_eligibility (
    course_id uuid not null references course (id),
    rule      text not null check (rule in ('SUBTREE', 'MEMBER_STATUS', 'MEMBER_UNIT', 'PREREQUISITE')),
    value     text not null,
    primary key (course_id, rule, value)
);

create table training_session (
    id                    uuid primary key,
    course_id             uuid        not null references course (id),
    status                text        not null check (status in ('SCHEDULED', 'CANCELLED')),
    starts_at             timestamptz not null,
    ends_at               timestamptz not null,
    venue_kind            text        not null check (venue_kind in ('STATION_ROOM', 'ADDRESS')),
    venue                 text        not null,
    station_room_id       uuid,
    capacity              integer     not null,
    seats_taken           integer     not null default 0,
    enrolment_opens_at    timestamptz not null,
    enrolment_closes_at   timestamptz not null,
    cancellation_deadline timestamptz not null,
    quota_by              text        not null default 'NONE' check (quota_by in ('NONE', 'MEMBER_UNIT', 'BRANCH')),
    seats_per_group       integer     not null default 0,
    hold_minutes          integer     not null check (hold_minutes between 1 and 2880),
    -- key of the rotating check-in code shown in the room (see CheckInCode)
    check_in_secret       bytea       not null,
    -- arrival order of enrolments; bumped under the session's row lock
    last_position         bigint      not null default 0,
    created_at            timestamptz not null,
    version               bigint      not null default 0,
    constraint session_capacity_positive check (capacity > 0),
    constraint session_seats_within_capacity check (seats_taken >= 0 and seats_taken <= capacity),
    constraint session_ends_after_start check (ends_at > starts_at),
    constraint session_enrolment_window check (enrolment_opens_at < enrolment_closes_at and enrolment_closes_at <= starts_at),
    constraint session_quota check ((quota_by = 'NONE') = (seats_per_group = 0) and seats_per_group >= 0)
);

create index training_session_course on training_session (course_id, starts_at);
create index training_session_starts on training_session (starts_at, id);

-- Seats taken per quota group (member unit or branch); claimed like the session counter.
create table session_quota_usage (
    session_id  uuid    not null references training_session (id),
    group_id    uuid    not null,
    quota       integer not null check (quota > 0),
    seats_taken integer not null default 0,
    primary key (session_id, group_id),
    constraint quota_within_limit check (seats_taken >= 0 and seats_taken <= quota)
);
