-- tpp: initial access tokens the bank issues to a TPP for RFC 7591 dynamic client registration (hashes only)
create table registration_token (
    token_hash   text primary key,
    tpp_id       text not null references tpp (id),
    issued_at    timestamptz not null default now(),
    expires_at   timestamptz not null,
    used_at      timestamptz,
    client_id    text
);
alter table tpp_client add column registered_by text not null default 'bank';
