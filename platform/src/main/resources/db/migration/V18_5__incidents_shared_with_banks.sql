-- notification: which incidents were sent to the subscribed banks, so each goes out once. A TPP's own report goes
-- out only when staff confirm it (move it to CONTAINED): the bank must not sign what it has not checked.
create table incident_shared_with_banks (
    incident_id text primary key,
    shared_at   timestamptz not null
);
