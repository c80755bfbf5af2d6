-- audit: a chain link the runtime role writes must join the chain where it stands (C1, C4, D5). The runtime role
-- may fill the chain columns of an unchained row once (the chainers do), and inserts the staff action log's rows with
-- their link; until now the triggers checked only that a link was new and the content unchanged, not its values, so
-- the application's own credentials could give a row sequence number -1 (or a number far ahead) and take it out of
-- the chain's reach for good: no walk, head or count of unchained rows would see it again. Now:
--   * a sequence number is positive (rows written before this check are counted by the verification instead:
--     NOT VALID keeps a tampered database from refusing to start, and the nodes report what they find);
--   * a link names its predecessor: position 1 follows the genesis hash, any other position follows the row one
--     below it, whose record hash is the link's previous hash (an index lookup on the unique sequence number);
--   * the tables chained after the fact accept only unchained rows at insert.
-- The chainer writes a batch as separate UPDATE statements in one transaction: each row trigger sees the rows the
-- earlier statements of that transaction linked (ExecutionLogChainTest links batches as the runtime role).

alter table api_execution_log add constraint api_execution_log_sequence_positive check (sequence_number > 0) not valid;
alter table audit_events add constraint audit_events_sequence_positive check (sequence_number > 0) not valid;
alter table consent_record add constraint consent_record_sequence_positive check (sequence_number > 0) not valid;
alter table staff_action_log add constraint staff_action_log_sequence_positive check (sequence_number > 0) not valid;

-- whether (sequence_number, previous_hash, record_hash) would join the chain kept in the table: hashes are SHA-256 in
-- lower-case hex, and the predecessor is the genesis or the row one below with that hash. The table is a constant of
-- each trigger, never input.
create function chain_link_follows(chain_table regclass, seq bigint, previous text, hash text)
    returns boolean language plpgsql as $$
declare
    found boolean;
begin
    if seq is null or previous is null or hash is null or seq < 1
       or previous !~ '^[0-9a-f]{64}$' or hash !~ '^[0-9a-f]{64}$' then
        return false;
    end if;
    if seq = 1 then
        return previous = repeat('0', 64);
    end if;
    execute format('select exists (select 1 from %s where sequence_number = $1 and record_hash = $2)', chain_table)
        into found using seq - 1, previous;
    return found;
end
$$;

create or replace function api_execution_log_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.sequence_number is null and new.previous_hash is null and new.record_hash is null then
            return new;
        end if;
        raise exception 'api_execution_log: a record is inserted unchained, the chainer links it'
            using errcode = 'insufficient_privilege';
    end if;
    if tg_op = 'UPDATE' and old.sequence_number is null and new.sequence_number is not null
       and to_jsonb(old) - 'sequence_number' - 'previous_hash' - 'record_hash'
           = to_jsonb(new) - 'sequence_number' - 'previous_hash' - 'record_hash'
       and chain_link_follows('api_execution_log', new.sequence_number, new.previous_hash, new.record_hash) then
        -- the one change ever allowed: an unchained record receives its place in the chain, next to its predecessor
        return new;
    end if;
    raise exception 'api_execution_log is append-only: % refused', tg_op using errcode = 'restrict_violation';
end
$$;

create or replace function audit_events_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.sequence_number is null and new.previous_hash is null and new.record_hash is null then
            return new;
        end if;
        raise exception 'audit_events: an event is inserted unchained, the chainer links it'
            using errcode = 'insufficient_privilege';
    end if;
    if tg_op = 'UPDATE' and old.sequence_number is null and new.sequence_number is not null
       and to_jsonb(old) - 'sequence_number' - 'previous_hash' - 'record_hash'
           = to_jsonb(new) - 'sequence_number' - 'previous_hash' - 'record_hash'
       and chain_link_follows('audit_events', new.sequence_number, new.previous_hash, new.record_hash) then
        return new;
    end if;
    raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create or replace function consent_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.sequence_number is null and new.previous_hash is null and new.record_hash is null then
            return new;
        end if;
        raise exception 'consent_record: a record is inserted unchained, the chainer links it'
            using errcode = 'insufficient_privilege';
    end if;
    if tg_op = 'UPDATE' and old.sequence_number is null and new.sequence_number is not null
       and to_jsonb(old) - 'sequence_number' - 'previous_hash' - 'record_hash'
           = to_jsonb(new) - 'sequence_number' - 'previous_hash' - 'record_hash'
       and chain_link_follows('consent_record', new.sequence_number, new.previous_hash, new.record_hash) then
        return new;
    end if;
    raise exception 'consent_record is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

-- the staff action log is chained at insert: a row must extend the chain where it stands
create or replace function staff_action_log_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT'
       and chain_link_follows('staff_action_log', new.sequence_number, new.previous_hash, new.record_hash) then
        return new;
    end if;
    raise exception 'staff_action_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger api_execution_log_insert_unchained before insert on api_execution_log
    for each row execute function api_execution_log_append_only();
create trigger audit_events_insert_unchained before insert on audit_events
    for each row execute function audit_events_append_only();
create trigger consent_record_insert_unchained before insert on consent_record
    for each row execute function consent_record_append_only();
create trigger staff_action_log_insert_linked before insert on staff_action_log
    for each row execute function staff_action_log_append_only();

-- the checkpoint key (C1, C2): made in the owner's migration run (audit.CheckpointKeyCreation), never by the runtime
-- role, so the application's credentials can neither plant a row every starting node would stumble on nor make a
-- new key after the real one was removed. runtime.RuntimeRoleGrants gives a table guarded by an *_owner_only trigger
-- SELECT alone; the trigger refuses a non-owner's insert even where the grants were widened by hand.
create function audit_checkpoint_key_owner_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' and pg_has_role(current_user, (select relowner from pg_class where oid = tg_relid), 'USAGE') then
        return new;
    end if;
    raise exception 'audit_checkpoint_key is written by the owner''s migration run only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_checkpoint_key_owner_only before insert on audit_checkpoint_key
    for each row execute function audit_checkpoint_key_owner_only();
