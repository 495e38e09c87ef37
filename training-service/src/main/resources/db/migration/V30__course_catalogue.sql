-- The course catalogue a phone searches: by words of the title (trigrams: any part of a Chinese
-- title of three characters or more), by kind, by provider, and only those with sessions to come.
-- Newest first, keyset on (created_at, id).
create extension if not exists pg_trgm;

create index course_title_trgm on course using gin (title gin_trgm_ops);
create index course_newest on course (created_at desc, id desc);
create index course_kind_newest on course (kind, created_at desc, id desc);
create index course_provider_newest on course (provider_id, created_at desc, id desc);
-- "has a session to come": the existing (course_id, starts_at) index, for scheduled sessions only.
create index training_session_course_scheduled on training_session (course_id, starts_at) where status = 'SCHEDULED';
