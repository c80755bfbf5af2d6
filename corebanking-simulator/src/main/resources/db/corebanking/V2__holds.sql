-- Two-phase transfers (issue 4): a reservation holds money on the debit account until it is posted, voided or
-- expires. The account keeps the sum of its active holds beside its balance, so the withdrawable amount
-- (balance - held) is one row's data and the database refuses any change that would take it below zero.

alter table corebanking.account
    add column held bigint not null default 0,
    add constraint held_not_negative check (held >= 0),
    add constraint customer_withdrawable_not_negative check (kind = 'INTERNAL' or balance - held >= 0);

-- A reservation under its idempotency key (the request field by field, like transfer_request, so a retry can be
-- compared), its outcome and, once reserved, the life of its hold. Keys are apart from transfer_request's.
create table corebanking.reservation (
    id                      bigint generated always as identity primary key,
    customer_id             text not null,
    idempotency_key         text not null,
    debit_account_id        text not null,
    payee_bank_code         text not null,
    payee_branch_code       text not null,
    payee_account_type_code text not null,
    payee_account_number    text not null,
    payee_name              text not null,
    amount                  bigint not null,
    remitter_name           text,
    received_at             timestamptz not null,
    outcome                 text check (outcome in ('RESERVED', 'REJECTED')),
    rejection_reason        text,
    status                  text check (status in ('ACTIVE', 'POSTED', 'VOIDED', 'EXPIRED')),
    debit_account_ref       bigint references corebanking.account,
    credit_account_ref      bigint references corebanking.account,
    debit_remarks           text,
    credit_remarks          text,
    withdrawable_after      bigint,
    expires_at              timestamptz,
    posting_id              bigint unique references corebanking.posting,
    balance_after           bigint,
    closed_at               timestamptz,
    constraint reservation_key unique (customer_id, idempotency_key),
    constraint reservation_outcome_is_consistent check (
        (outcome is null and status is null)
        or (outcome = 'REJECTED' and rejection_reason is not null and status is null)
        or (outcome = 'RESERVED' and rejection_reason is null and status is not null and amount > 0
            and debit_account_ref is not null and credit_account_ref is not null and expires_at is not null
            and debit_remarks is not null and credit_remarks is not null and withdrawable_after is not null)),
    constraint reservation_posted_has_posting check ((status = 'POSTED') = (posting_id is not null and balance_after is not null)),
    constraint reservation_closed_has_moment check ((status in ('POSTED', 'VOIDED', 'EXPIRED')) = (closed_at is not null))
);

-- The sweep looks for lapsed holds only.
create index reservation_active_by_expiry on corebanking.reservation (expires_at) where status = 'ACTIVE';

-- A hold moves only forward: (none) -> ACTIVE -> POSTED | VOIDED | EXPIRED, and the final states never change, so
-- no race can post a voided hold or void a posted one, whatever the code above does.
create function corebanking.check_reservation_transition() returns trigger language plpgsql as $$
begin
    if old.status is not distinct from new.status then
        return new;
    end if;
    if (old.status is null and new.status = 'ACTIVE')
            or (old.status = 'ACTIVE' and new.status in ('POSTED', 'VOIDED', 'EXPIRED')) then
        return new;
    end if;
    raise exception 'reservation % cannot go from % to %', old.id, old.status, new.status
        using errcode = 'check_violation';
end
$$;

create trigger reservation_moves_forward before update on corebanking.reservation
    for each row execute function corebanking.check_reservation_transition();

-- The account's held sum follows its active holds in the same statement, so the two cannot drift apart; the
-- constraint above refuses a hold larger than the withdrawable amount.
create function corebanking.apply_hold() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.status = 'ACTIVE' and new.status is distinct from 'ACTIVE' then
        update corebanking.account set held = held - old.amount where id = old.debit_account_ref;
    end if;
    if new.status = 'ACTIVE' and (tg_op = 'INSERT' or old.status is distinct from 'ACTIVE') then
        update corebanking.account set held = held + new.amount where id = new.debit_account_ref;
    end if;
    return null;
end
$$;

create trigger reservation_holds_money after insert or update of status on corebanking.reservation
    for each row execute function corebanking.apply_hold();

create trigger reservation_is_kept before delete on corebanking.reservation
    for each row execute function corebanking.refuse_change();
