-- audit: the business event log (audit_events) joins the hash chains (C1). Like the execution log it is chained after
-- the fact, in batches, by whichever node holds the chain's advisory lock: a transfer's audit record is inserted on
-- its own, so the transfer path never queues on a global lock. Existing rows are chained by the first run.
alter table audit_events
    add column sequence_number bigint unique,
    add column previous_hash   text,
    add column record_hash     text,
    add check ((sequence_number is null) = (record_hash is null) and (record_hash is null) = (previous_hash is null));

-- what the chainer picks up: only the few rows not chained yet
create index audit_events_unchained on audit_events (id) where sequence_number is null;

-- the one change ever allowed: an unchained row receives its place in the chain, once, its content unchanged
create or replace function audit_events_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.sequence_number is null and new.sequence_number is not null
       and to_jsonb(old) - 'sequence_number' - 'previous_hash' - 'record_hash'
           = to_jsonb(new) - 'sequence_number' - 'previous_hash' - 'record_hash' then
        return new;
    end if;
    raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
