-- The simulated core system (勘定系): a double-entry ledger. Tables are schema-qualified because the
-- platform's connections run with search_path = public; Flyway keeps this schema's history apart.

create table corebanking.customer (
    customer_id   text primary key,
    name          text not null,
    name_kana     text not null,
    customer_type text not null check (customer_type in ('INDIVIDUAL', 'CORPORATE'))
);

create table corebanking.branch (
    branch_code text primary key check (branch_code ~ '^[0-9]{3}$'),
    branch_name text not null
);

-- Own-account subject (科目): two-digit code of the API, and the one-digit Zengin 預金種目 payees use.
create table corebanking.account_type (
    account_type_code text primary key check (account_type_code ~ '^[0-9]{2}$'),
    account_type_name text not null,
    zengin_type_code  text not null unique check (zengin_type_code ~ '^[0-9]$')
);

insert into corebanking.account_type values
    ('01', '普通預金', '1'),
    ('02', '当座預金', '2'),
    ('04', '貯蓄預金', '4');

-- Customer deposit accounts and the bank's internal accounts (cash, Zengin clearing, ...), so that every
-- posting has a counter-leg. Only customer accounts keep a running balance: it is the one that must never go
-- negative, and internal accounts would otherwise be a lock hot spot for every inter-bank transfer.
create table corebanking.account (
    id                bigint generated always as identity primary key,
    account_id        text not null unique,
    kind              text not null check (kind in ('CUSTOMER', 'INTERNAL')),
    customer_id       text references corebanking.customer,
    branch_code       text references corebanking.branch,
    account_type_code text references corebanking.account_type,
    account_number    text check (account_number ~ '^[0-9]{7}$'),
    name              text not null,
    name_kana         text not null,
    currency          text not null default 'JPY',
    opened_on         date not null,
    status            text not null default 'OPEN' check (status in ('OPEN', 'FROZEN', 'CLOSED')),
    balance           bigint not null default 0,
    constraint customer_account_has_owner_and_number check (kind = 'INTERNAL'
        or (customer_id is not null and branch_code is not null and account_type_code is not null
            and account_number is not null)),
    constraint customer_balance_not_negative check (kind = 'INTERNAL' or balance >= 0),
    constraint account_number_unique unique (branch_code, account_type_code, account_number)
);

create index account_by_customer on corebanking.account (customer_id, id);

-- A posting (仕訳): one business event; its entries sum to zero.
create table corebanking.posting (
    id               bigint generated always as identity primary key,
    kind             text not null,
    transaction_date date not null,
    value_date       date not null,
    posted_at        timestamptz not null
);

-- An entry (仕訳明細): one leg of a posting on one account, signed from the bank's books: positive credits
-- the account (a deposit grows), negative debits it. Append-only.
create table corebanking.entry (
    id               bigint generated always as identity primary key,
    posting_id       bigint not null references corebanking.posting,
    account_ref      bigint not null references corebanking.account,
    amount           bigint not null check (amount <> 0),
    balance_after    bigint,
    transaction_date date not null,
    remarks          text not null
);

create index entry_history on corebanking.entry (account_ref, transaction_date, id);
create index entry_by_posting on corebanking.entry (posting_id);

-- The running balance is derived from the entries in the same statement, so the two cannot drift apart, and
-- the balance check above refuses any entry that would overdraw a customer account.
create function corebanking.apply_entry() returns trigger language plpgsql as $$
begin
    update corebanking.account
       set balance = balance + new.amount
     where id = new.account_ref and kind = 'CUSTOMER'
    returning balance into new.balance_after;
    return new;
end
$$;

create trigger entry_applies_to_balance before insert on corebanking.entry
    for each row execute function corebanking.apply_entry();

create function corebanking.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'ledger entries are append-only' using errcode = 'restrict_violation';
end
$$;

create trigger entry_is_append_only before update or delete on corebanking.entry
    for each row execute function corebanking.refuse_change();

-- Checked at commit, when all legs of a posting are in.
create function corebanking.check_posting_balanced() returns trigger language plpgsql as $$
declare
    total bigint;
    legs  integer;
begin
    select coalesce(sum(amount), 0), count(*) into total, legs
      from corebanking.entry where posting_id = new.posting_id;
    if total <> 0 or legs < 2 then
        raise exception 'posting % is not balanced: % legs, sum %', new.posting_id, legs, total
            using errcode = 'check_violation';
    end if;
    return null;
end
$$;

create constraint trigger posting_is_balanced after insert on corebanking.entry
    deferrable initially deferred
    for each row execute function corebanking.check_posting_balanced();

-- A transfer instruction under its idempotency key, with its outcome. The request is kept field by field so a
-- retry can be compared with the original.
create table corebanking.transfer_request (
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
    outcome                 text check (outcome in ('ACCEPTED', 'REJECTED')),
    rejection_reason        text,
    posting_id              bigint unique references corebanking.posting,
    balance_after           bigint,
    primary key (customer_id, idempotency_key),
    constraint outcome_is_consistent check (
        outcome is null
        or (outcome = 'ACCEPTED' and posting_id is not null and rejection_reason is null)
        or (outcome = 'REJECTED' and posting_id is null and rejection_reason is not null))
);

-- Which demo data sets were loaded, so seeding at every start adds nothing twice.
create table corebanking.demo_seed (
    name      text primary key,
    seeded_at timestamptz not null
);

-- The bank's own side of every posting (see InternalAccount).
insert into corebanking.account (account_id, kind, name, name_kana, opened_on) values
    ('INTERNAL-CASH', 'INTERNAL', '現金', 'ｹﾞﾝｷﾝ', date '2000-01-01'),
    ('INTERNAL-ZENGIN-CLEARING', 'INTERNAL', '為替決済', 'ｶﾜｾｹﾂｻｲ', date '2000-01-01'),
    ('INTERNAL-CARRY-FORWARD', 'INTERNAL', '繰越', 'ｸﾘｺｼ', date '2000-01-01'),
    ('INTERNAL-FEE-INCOME', 'INTERNAL', '受入手数料', 'ﾃｽｳﾘﾖｳ', date '2000-01-01'),
    ('INTERNAL-INTEREST', 'INTERNAL', '支払利息', 'ﾘｿｸ', date '2000-01-01');
