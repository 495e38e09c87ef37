-- Sessions still waiting for the station's answer, oldest request first: the venue timeout job
-- (VenueTimeouts) reads this range every tick. A session asks for its room when it is scheduled,
-- so created_at is when the request was made.
create index training_session_venue_pending on training_session (created_at) where status = 'VENUE_PENDING';
