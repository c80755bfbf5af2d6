-- tpp: assessments relied on across banks (共同監査方式, A4, A7): another bank's screening or monitoring result,
-- imported as a signed record, and this bank's own results exported the same way. The signed record is kept as
-- received or issued (jws), so it can be verified again at any time; the other columns are what it states.
create table tpp_assessment (
    id                  bigint generated always as identity primary key,
    tpp_id              text not null references tpp (id),
    direction           text not null check (direction in ('IMPORTED', 'EXPORTED')),
    issuer              text not null,
    bank_name           text not null,
    key_id              text,
    record_id           text,
    kind                text not null check (kind in ('SCREENING', 'MONITORING')),
    assessed_on         date not null,
    outcome             text not null check (outcome in ('PASSED', 'PASSED_WITH_CONDITIONS', 'FAILED')),
    summary             text not null,
    tpp_name            text,
    registration_number text,
    corporate_number    text,
    jws                 text not null,
    recorded_by         text not null,
    recorded_at         timestamptz not null,
    unique (issuer, record_id)
);
create index tpp_assessment_by_tpp on tpp_assessment (tpp_id, assessed_on);
