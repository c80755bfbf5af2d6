-- tpp: the bank's key for signing its own screening and monitoring results for other banks (A4, A7), shared by every
-- node and sealed under the master key (C2), like the security event key of notification
create table assessment_key (
    kid            text primary key,
    jwk_encrypted  text not null,
    created_at     timestamptz not null default now()
);
