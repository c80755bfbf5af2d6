-- banking: the payment API's transfers (振込, issue 4). One row per accepted request, written in the same transaction
-- as its idempotency key: (client_id, idempotency_key) is unique, so concurrent retries of one request can never make
-- two transfers. A row is PENDING while the core system is being called; any retry of the same request drives a
-- PENDING row to its end (the core's reserve and post are idempotent), so a crash in between loses nothing. The
-- request's fingerprint tells a retry (same request) from a reused key (another request).
create table transfers (
    apply_no                 text primary key check (apply_no ~ '^[0-9]{16}$'),
    client_id                text not null,
    grant_id                 text not null,
    customer_id              text not null,
    idempotency_key          text not null check (length(idempotency_key) between 1 and 200),
    fingerprint              text not null,
    account_id               text not null,
    payee_bank_code          text not null,
    payee_branch_code        text not null,
    payee_account_type_code  text not null,
    payee_account_number     text not null,
    payee_name               text not null,
    remitter_name            text,
    edi_info                 text not null,
    amount                   bigint not null check (amount between 1 and 9999999999),
    fee                      bigint not null check (fee >= 0),
    execution_date           date not null,
    status                   text not null check (status in ('PENDING', 'SCHEDULED', 'COMPLETED', 'FAILED')),
    failure_reason           text,
    -- the core's hold; never shown outside the platform
    reservation_id           text,
    accepted_at              timestamptz not null,
    finished_at              timestamptz,
    unique (client_id, idempotency_key)
);

create index transfers_by_customer on transfers (customer_id, accepted_at);

-- A grant approved for one transfer (RFC 9396 detail kakehashi_transfer) is used up by it: the primary key makes the
-- single use hold under concurrency, in the transaction that stores the transfer.
create table transfer_grant_uses (
    grant_id  text primary key,
    apply_no  text not null references transfers
);

-- B10: one row per customer, locked (select ... for update) while a transfer is counted against the customer's daily
-- and monthly limits and stored, so that concurrent transfers are counted one after the other.
create table transfer_customer_locks (
    customer_id text primary key
);
