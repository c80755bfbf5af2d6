-- Kakehashi platform schema. Each block is owned by one module; other modules never query another's tables.

-- tpp: the registry of API connecting parties (API接続先) and their OAuth clients (A, B5)
create table tpp (
    id                  text primary key,
    legal_name          text not null,
    legal_name_en       text not null,
    service_name        text not null,
    service_name_en     text not null,
    representative      text not null,
    address             text not null,
    contact_phone       text not null,
    contact_email       text not null,
    inquiry_url         text,
    registration_number text,
    status              text not null check (status in ('ACTIVE', 'RESTRICTED', 'SUSPENDED', 'REVOKED')),
    approved_scopes     text[] not null,
    created_at          timestamptz not null default now()
);

create table tpp_client (
    client_id                    text primary key,
    tpp_id                       text not null references tpp (id),
    client_name                  text not null,
    redirect_uris                text[] not null,
    jwks                         text,
    jwks_uri                     text,
    token_endpoint_auth_method   text not null check (token_endpoint_auth_method in ('private_key_jwt', 'tls_client_auth')),
    tls_client_auth_subject_dn   text,
    sender_constraint            text not null check (sender_constraint in ('dpop', 'mtls')),
    created_at                   timestamptz not null default now(),
    check (jwks is not null or jwks_uri is not null or token_endpoint_auth_method = 'tls_client_auth')
);

-- authorization: customers' sign-in credentials (B2, B3), the grant-centric token store (B7, C2), replay caches
create table customer_credential (
    customer_id       text primary key,
    login_id          text not null unique,
    display_name      text not null,
    segment           text not null check (segment in ('INDIVIDUAL', 'CORPORATE')),
    password_hash     text not null,
    totp_secret       text,
    failed_attempts   int not null default 0,
    locked_until      timestamptz,
    totp_last_step    bigint,
    email             text
);

create table oauth_authorization (
    id                     text primary key,
    registered_client_id   text not null,
    client_id              text not null,
    principal_name         text not null,
    grant_type             text not null,
    authorized_scopes      text[] not null,
    attributes             jsonb not null,
    version                int not null,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now()
);
create index oauth_authorization_principal on oauth_authorization (principal_name);
create index oauth_authorization_client on oauth_authorization (client_id);

-- token values are never stored, only SHA-256 hashes of them
create table oauth_token (
    token_hash         text primary key,
    authorization_id   text not null references oauth_authorization (id) on delete cascade,
    token_kind         text not null,
    issued_at          timestamptz,
    expires_at         timestamptz,
    invalidated        boolean not null default false,
    metadata           jsonb not null
);
create index oauth_token_authorization on oauth_token (authorization_id);

create table seen_jti (
    kind         text not null,
    jti          text not null,
    expires_at   timestamptz not null,
    primary key (kind, jti)
);
create index seen_jti_expiry on seen_jti (expires_at);

create table signing_key (
    kid            text primary key,
    jwk_encrypted  text not null,
    created_at     timestamptz not null default now(),
    active         boolean not null
);

-- consent: grants (what a customer allowed which TPP, for which accounts, until when) and what was shown (D1, D5)
create table grants (
    id               text primary key,
    customer_id      text not null,
    tpp_id           text not null,
    client_id        text not null,
    scopes           text[] not null,
    account_ids      text[] not null,
    status           text not null check (status in ('PENDING', 'ACTIVE', 'REVOKED', 'EXPIRED')),
    created_at       timestamptz not null,
    expires_at       timestamptz not null,
    activated_at     timestamptz,
    last_used_at     timestamptz,
    revoked_at       timestamptz,
    revoked_by       text,
    revoke_reason    text
);
create index grants_customer on grants (customer_id, status);
create index grants_tpp on grants (tpp_id, status);

create table consent_record (
    id              text primary key,
    grant_id        text not null references grants (id),
    customer_id     text not null,
    language        text not null,
    template        text not null,
    shown           jsonb not null,
    shown_sha256    text not null,
    agreed_at       timestamptz not null
);
create index consent_record_grant on consent_record (grant_id);
