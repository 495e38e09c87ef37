-- Who took each step a history keeps: the caller's subject and kind from the gateway's headers
-- (PERSON, SERVICE), or SYSTEM for org-service's own jobs. Rows written before this migration stay
-- null: "not recorded". Subject and kind are set together or not at all.
alter table organization_change
    add column actor_subject text,
    add column actor_kind    text check (actor_kind in ('PERSON', 'SERVICE', 'SYSTEM')),
    add constraint organization_change_actor_whole check ((actor_subject is null) = (actor_kind is null));

alter table transfer
    add column requested_by_subject text,
    add column requested_by_kind    text check (requested_by_kind in ('PERSON', 'SERVICE')),
    add column decided_by_subject   text,
    add column decided_by_kind      text check (decided_by_kind in ('PERSON', 'SERVICE')),
    add column closed_by_subject    text,
    add column closed_by_kind       text check (closed_by_kind in ('PERSON', 'SERVICE', 'SYSTEM')),
    add constraint transfer_requested_by_whole check ((requested_by_subject is null) = (requested_by_kind is null)),
    add constraint transfer_decided_by_whole check ((decided_by_subject is null) = (decided_by_kind is null)),
    add constraint transfer_closed_by_whole check ((closed_by_subject is null) = (closed_by_kind is null));
