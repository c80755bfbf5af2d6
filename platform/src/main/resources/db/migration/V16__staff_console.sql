-- admin: the bank staff console (C4, A6). Staff accounts sign in with a password and a TOTP second factor; their
-- roles give least privilege. Staff requests are the maker-checker queue: an action one staff member asks for and a
-- different approver decides, executed at most once (the decision is a conditional update of a PENDING row).
create table staff_account (
    id               text primary key,
    login            text not null unique,
    display_name     text not null,
    password_hash    text not null,
    totp_secret      text not null,
    -- the last TOTP time step accepted, so a code seen once (shoulder-surfed, replayed) does not work again
    totp_last_step   bigint not null default 0,
    roles            text[] not null,
    active           boolean not null default true,
    failed_attempts  integer not null default 0,
    locked_until     timestamptz,
    created_at       timestamptz not null default now()
);

create table staff_request (
    id            text primary key,
    kind          text not null,
    target        text not null,
    payload       jsonb not null default '{}',
    reason        text not null,
    requested_by  text not null references staff_account (id),
    requested_at  timestamptz not null,
    status        text not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    decided_by    text references staff_account (id),
    decided_at    timestamptz,
    decision_note text,
    outcome       text,
    -- the approver is never the requester, whatever the application does
    check (decided_by is null or status = 'WITHDRAWN' or decided_by <> requested_by)
);

-- one pending request of a kind per target: a second operator asking the same joins the first
create unique index staff_request_one_pending on staff_request (kind, target) where status = 'PENDING';
create index staff_request_by_target on staff_request (target, requested_at);
