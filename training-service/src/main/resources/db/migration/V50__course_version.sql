-- A course's title and description are corrected in place (PATCH /courses/{id}); the version is
-- its ETag, so that two organizers correcting the same course at once do not overwrite each other.
alter table course add column version bigint not null default 0;
