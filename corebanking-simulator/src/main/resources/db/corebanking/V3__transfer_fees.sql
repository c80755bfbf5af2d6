-- Transfer fees (振込手数料, issue 4): the debit account pays amount + fee in one posting; the payee or clearing
-- receives the amount, the bank's remittance fee income the fee. Holds cover amount + fee, so a balance that pays
-- the amount but not the fee is refused before anything is held.

-- 受入為替手数料: what the bank earns on transfers, kept apart from its other fees (受入手数料, V1) as a bank's
-- books keep them under 役務取引等収益. Internal: no customer, branch or number, so no customer's account list,
-- balance or history can show it.
insert into corebanking.account (account_id, kind, name, name_kana, opened_on) values
    ('INTERNAL-REMITTANCE-FEE-INCOME', 'INTERNAL', '受入為替手数料', 'ｳｹｲﾚｶﾜｾﾃｽｳﾘﾖｳ', date '2000-01-01');

-- The fee is part of the request an idempotency key is bound to, so it is kept with the other request fields. The
-- default only fills the rows from before fees, which were all free; new rows must name their fee.
alter table corebanking.transfer_request
    add column fee bigint not null default 0 check (fee >= 0);
alter table corebanking.transfer_request
    alter column fee drop default;

alter table corebanking.reservation
    add column fee bigint not null default 0 check (fee >= 0);
alter table corebanking.reservation
    alter column fee drop default;

-- As in V2, but a hold is amount + fee: both leave the debit account when it is posted, both come back when it is
-- voided or expires. Holds from before fees have fee 0, so the held sums stay in step across the upgrade.
create or replace function corebanking.apply_hold() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.status = 'ACTIVE' and new.status is distinct from 'ACTIVE' then
        update corebanking.account set held = held - (old.amount + old.fee) where id = old.debit_account_ref;
    end if;
    if new.status = 'ACTIVE' and (tg_op = 'INSERT' or old.status is distinct from 'ACTIVE') then
        update corebanking.account set held = held + (new.amount + new.fee) where id = new.debit_account_ref;
    end if;
    return null;
end
$$;
