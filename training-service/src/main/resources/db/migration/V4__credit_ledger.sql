-- Append-only: a reversal is a new line with negative hours pointing at the line it reverses.
create table credit_entry (
    id          uuid primary key,
    person_id   uuid         not null,
    study_year  integer      not null,
    hours       numeric(5,1) not null,
    session_id  uuid         references training_session (id),
    reverses    uuid         references credit_entry (id),
    reason      text,
    recorded_at timestamptz  not null,
    check ((reverses is null and hours >= 0) or (reverses is not null and hours <= 0 and reason is not null))
);

create index credit_entry_person_year on credit_entry (person_id, study_year);
-- A credit line is reversed at most once.
create unique index credit_entry_reversed_once on credit_entry (reverses) where reverses is not null;
-- A session is credited once per person unless that credit was reversed (checked by the model too).
