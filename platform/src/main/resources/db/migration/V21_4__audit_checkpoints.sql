-- audit: signed checkpoints of the hash chains (C1, C4, D5). A chain alone cannot show that its last records were
-- removed, or that someone changed a record and computed every later hash anew; a checkpoint can: the chain's name,
-- its head's sequence number ("count") and hash, and the time, signed (JWS, ES256) with a key sealed under the master
-- key, which the database does not hold. Each checkpoint is also written as a file outside the database.
create table audit_checkpoint (
    id          bigint generated always as identity primary key,
    chain       text not null,
    count       bigint not null check (count > 0),
    head_hash   text not null,
    made_at     timestamptz not null,
    jws         text not null,
    file_name   text not null unique,
    unique (chain, count)
);

create function audit_checkpoint_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_checkpoint is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_checkpoint_append_only();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_checkpoint_append_only();

-- the checkpoint signing key, shared by every node and sealed under the master key (C2), never replaced: a key
-- removed would make every checkpoint it signed unverifiable, which the verification reports as tampering
create table audit_checkpoint_key (
    kid            text primary key,
    jwk_encrypted  text not null,
    created_at     timestamptz not null default now()
);
create function audit_checkpoint_key_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_checkpoint_key is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_checkpoint_key_append_only before update or delete on audit_checkpoint_key
    for each row execute function audit_checkpoint_key_append_only();
create trigger audit_checkpoint_key_no_truncate before truncate on audit_checkpoint_key
    for each statement execute function audit_checkpoint_key_append_only();
