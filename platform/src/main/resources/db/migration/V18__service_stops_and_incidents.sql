-- availability: planned and emergency service stops of the bank's API (E6), and stops a TPP announces for its own
-- service; a stop is never deleted, only cancelled, so what was announced stays on record
create table service_stop (
    id            text primary key,
    side          text not null check (side in ('BANK', 'TPP')),
    tpp_id        text,
    api           text not null check (api in ('ALL', 'READ', 'PAYMENT')),
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    reason        text not null,
    emergency     boolean not null,
    announced_by  text not null,
    announced_at  timestamptz not null,
    cancelled_at  timestamptz,
    cancelled_by  text,
    check (ends_at > starts_at),
    check ((side = 'TPP') = (tpp_id is not null))
);
create index service_stop_by_end on service_stop (ends_at) where cancelled_at is null;

-- incident: security incidents and outages concerning a TPP, reported by bank staff or by the TPP (C6, E1, E2, E6)
create table incident (
    id           text primary key,
    tpp_id       text not null,
    kind         text not null check (kind in ('UNAUTHORISED_ACCESS', 'DATA_LEAK', 'OUTAGE', 'OTHER')),
    severity     text not null check (severity in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    status       text not null check (status in ('OPEN', 'CONTAINED', 'CLOSED')),
    title        text not null,
    description  text not null,
    reporter     text not null check (reporter in ('BANK', 'TPP')),
    reported_by  text not null,
    began_at     timestamptz not null,
    reported_at  timestamptz not null
);
create index incident_by_tpp on incident (tpp_id, reported_at desc);

-- what happened in an incident, in order: notes, status moves, contacts, warnings; append-only
create table incident_entry (
    id           bigint generated always as identity primary key,
    incident_id  text not null references incident (id),
    kind         text not null,
    text         text not null,
    written_by   text not null,
    written_at   timestamptz not null
);
create index incident_entry_by_incident on incident_entry (incident_id, id);

create function incident_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'incident_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger incident_entry_append_only before update or delete on incident_entry
    for each row execute function incident_entry_append_only();
