-- audit: business events with their reason codes (C3, issue 4 "every transfer and every rejection is an audited
-- event with its reason code"), beside the API execution log of V7. Written by listeners of the modules' events
-- (Spring Modulith's publication registry delivers each at least once; the event id makes a second delivery a no-op).
-- Append-only like the execution log: the triggers refuse UPDATE, DELETE and TRUNCATE, whoever asks.
create table audit_events (
    id           bigint generated always as identity primary key,
    event_id     text not null unique,
    event_type   text not null,
    occurred_at  timestamptz not null,
    customer_id  text,
    client_id    text,
    subject      text,
    outcome      text not null,
    reason_code  text,
    details      jsonb not null default '{}'
);

create index audit_events_by_customer on audit_events (customer_id, occurred_at);
create index audit_events_by_subject on audit_events (subject);

create function audit_events_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_events_append_only before update or delete on audit_events
    for each row execute function audit_events_append_only();
create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function audit_events_append_only();
