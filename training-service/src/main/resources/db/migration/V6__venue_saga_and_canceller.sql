-- Venue saga with service-station-service: a session at a station room waits for the station's
-- answer (VENUE_PENDING) and becomes SCHEDULED or VENUE_REJECTED. venue_request_id is the current
-- request; replies quoting another one are stale.
alter table training_session drop constraint training_session_status_check;
alter table training_session add constraint training_session_status_check
    check (status in ('VENUE_PENDING', 'SCHEDULED', 'VENUE_REJECTED', 'CANCELLED'));
alter table training_session add column venue_request_id uuid;
alter table training_session add column venue_booking_id uuid;
alter table training_session add column venue_rejection_rule text;
alter table training_session add column venue_rejection_reason text;
-- sessions scheduled at a station room before the saga existed keep a null request id

-- Who cancelled an enrolment: the learner, an organizer (with their id from the gateway), or the
-- system reacting to org-service (a member left or moved, a branch was dissolved).
alter table enrolment add column cancelled_by text check (cancelled_by in ('LEARNER', 'ORGANIZER', 'SYSTEM'));
alter table enrolment add column cancelled_by_subject text;
