-- banking (B10): running totals of each customer's accepted transfers for the day and the month (Japan time), kept
-- in the row that is locked while a transfer is counted, so that a limit check costs the same for a customer's
-- thousandth transfer of the month as for the first (it summed every transfer of the month before). A total
-- belongs to its day or month: a row of an earlier day or month is summed afresh once, then kept again. Failed and
-- cancelled transfers are taken off in the transaction that ends them.
alter table transfer_customer_locks add column day date;
alter table transfer_customer_locks add column day_total bigint not null default 0 check (day_total >= 0);
alter table transfer_customer_locks add column month date;
alter table transfer_customer_locks add column month_total bigint not null default 0 check (month_total >= 0);
