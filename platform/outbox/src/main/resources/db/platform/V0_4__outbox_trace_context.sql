-- The W3C traceparent of the work that recorded the row (an HTTP request, a consumed event), so
-- that the relay publishes it as a child of that work, not of its own pass. Null for rows written
-- outside any trace (and by SQL that does not fill it): the relay then starts a trace of its own.
alter table outbox_event add column traceparent text;
