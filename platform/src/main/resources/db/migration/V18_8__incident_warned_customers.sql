-- incident: each customer is asked to be warned about an incident once (E2). A second click or a second operator
-- finds the customers already asked and mails nobody twice; the key makes a concurrent request wait, then skip.
create table incident_warned_customer (
    incident_id  text not null references incident (id),
    customer_id  text not null,
    requested_by text not null,
    requested_at timestamptz not null,
    primary key (incident_id, customer_id)
);
