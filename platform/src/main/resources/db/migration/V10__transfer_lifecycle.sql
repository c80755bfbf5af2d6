-- banking: the whole life of a transfer (issue 4). ACCEPTED (was PENDING) is stored and being executed by the core;
-- AWAITING_CONFIRMATION waits for the customer's confirmation at the bank (帯域外認証) until confirm_by; SCHEDULED waits
-- for its execution date; COMPLETED, FAILED and CANCELLED are final. status_reason is the reason code of a FAILED or
-- CANCELLED transfer (the core's refusal, CONFIRMATION_EXPIRED, CANCELLED_BY_TPP, DECLINED_BY_CUSTOMER).
alter table transfers drop constraint transfers_status_check;
update transfers set status = 'ACCEPTED' where status = 'PENDING';
alter table transfers add constraint transfers_status_check check (status in
    ('ACCEPTED', 'AWAITING_CONFIRMATION', 'SCHEDULED', 'COMPLETED', 'FAILED', 'CANCELLED'));
alter table transfers rename column failure_reason to status_reason;
alter table transfers add column confirm_by timestamptz;
alter table transfers add column confirmed_at timestamptz;
alter table transfers add constraint transfers_confirmation_check
    check (status <> 'AWAITING_CONFIRMATION' or confirm_by is not null);

-- the scheduler's work: transfers that still change, by the moment they are due
create index transfers_open on transfers (status, execution_date)
    where status in ('ACCEPTED', 'AWAITING_CONFIRMATION', 'SCHEDULED');
