-- A transfer completes only for someone who is still a member: completing it moves the home of
-- the member's record, which a former member no longer has. TransferService checks it under a
-- lock on the member's row; this trigger makes it hold whatever writes the row. Its FOR UPDATE
-- waits for a leaving that is under way and then reads the row as that leaving left it.
create function transfer_completion_check() returns trigger language plpgsql as $$
begin
    if new.status = 'COMPLETED' and old.status <> 'COMPLETED' then
        perform 1 from member m where m.id = new.member_id and m.left_on is null for update;
        if not found then
            raise exception 'transfer_member_has_left: member % left before transfer % completed',
                new.member_id, new.id using errcode = '23514';
        end if;
    end if;
    return new;
end $$;

create trigger transfer_completion_check before update of status on transfer
    for each row execute function transfer_completion_check();
