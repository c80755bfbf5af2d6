-- applications submitted on the open portal form, by client address and by account, so one client cannot submit
-- them without end (each starts screening work and an account password check); kept for an hour
create table portal_application_attempt (
    client       text        not null,
    attempted_at timestamptz not null
);
create index portal_application_attempt_client on portal_application_attempt (client, attempted_at);
create index portal_application_attempt_age on portal_application_attempt (attempted_at);
