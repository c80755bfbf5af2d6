-- notification: where each TPP receives the bank's notices (webhook) and security events (RFC 8935 push)
create table tpp_endpoint (
    tpp_id              text primary key,
    webhook_url         text not null check (webhook_url like 'http%'),
    security_event_url  text,
    registered_by       text not null,
    registered_at       timestamptz not null
);

-- every notice the bank sent a TPP (A6, C6, E6), shown in the portal whether or not its webhook took it
create table tpp_notice (
    id           text primary key,
    tpp_id       text not null,
    kind         text not null,
    subject      text not null,
    body         jsonb not null,
    created_at   timestamptz not null
);
create index tpp_notice_by_tpp on tpp_notice (tpp_id, created_at desc);

-- the outbox of HTTP deliveries (webhooks and security events), tried until taken or given up, with each outcome
create table outbound_delivery (
    id               text primary key,
    kind             text not null check (kind in ('NOTICE', 'SECURITY_EVENT')),
    receiver         text not null,
    url              text not null,
    content_type     text not null,
    payload          text not null,
    created_at       timestamptz not null,
    attempts         int not null default 0,
    next_attempt_at  timestamptz,
    delivered_at     timestamptz,
    last_status      int,
    last_error       text
);
create index outbound_delivery_due on outbound_delivery (next_attempt_at) where delivered_at is null;

-- the notification module's own key for signing security event tokens, encrypted at rest (C2)
create table security_event_key (
    kid            text primary key,
    jwk_encrypted  text not null,
    created_at     timestamptz not null default now()
);

-- security event tokens other banks pushed to this bank (F3), verified before they are stored
create table received_security_event (
    jti          text not null,
    issuer       text not null,
    event_types  text[] not null,
    claims       jsonb not null,
    received_at  timestamptz not null,
    primary key (issuer, jti)
);

-- which customer the bank warned about which incident, when, and whether a mail could be sent (E2)
create table customer_warning (
    incident_id  text not null,
    customer_id  text not null,
    requested_by text not null,
    warned_at    timestamptz not null,
    outcome      text not null check (outcome in ('MAILED', 'NO_CONTACT', 'NO_MAIL_SERVER')),
    primary key (incident_id, customer_id, warned_at)
);
