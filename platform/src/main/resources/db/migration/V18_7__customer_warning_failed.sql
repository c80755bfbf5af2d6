-- E2: a mail the server refused for one customer is recorded as FAILED and the run goes on to the next customer.
alter table customer_warning drop constraint customer_warning_outcome_check;
alter table customer_warning add constraint customer_warning_outcome_check
    check (outcome in ('MAILED', 'NO_CONTACT', 'NO_MAIL_SERVER', 'FAILED'));
