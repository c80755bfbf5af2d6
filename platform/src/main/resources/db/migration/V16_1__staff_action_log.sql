-- audit: the staff action log (C4 職員の操作ログ): every console sign-in, sign-out and state-changing request, and
-- what handlers name more precisely. Append-only like audit_events (triggers refuse UPDATE, DELETE, TRUNCATE), and
-- hash-chained at insert: each row's SHA-256 covers its content and the previous row's hash, so a row removed or
-- changed with the triggers off breaks the chain from there on. Staff actions are few; chaining at insert under an
-- advisory lock costs nothing worth batching.
create table staff_action_log (
    id             bigint generated always as identity primary key,
    sequence_number bigint not null unique,
    occurred_at    timestamptz not null,
    staff_id       text not null,
    action         text not null,
    target         text,
    outcome        text not null,
    -- text, not jsonb: the hash covers exactly these bytes (jsonb would reorder keys)
    details        text not null default '{}',
    previous_hash  text not null,
    record_hash    text not null
);

create index staff_action_log_by_time on staff_action_log (occurred_at);
create index staff_action_log_by_staff on staff_action_log (staff_id, occurred_at);
create index staff_action_log_by_target on staff_action_log (target, occurred_at);

create function staff_action_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'staff_action_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger staff_action_log_append_only before update or delete on staff_action_log
    for each row execute function staff_action_log_append_only();
create trigger staff_action_log_no_truncate before truncate on staff_action_log
    for each statement execute function staff_action_log_append_only();
