-- portal: the developer portal's sign-ins (A1). An account is opened with a TPP's application; it may apply again for
-- another TPP (another service or company) and acts for those only.
create table portal_account (
    email         text primary key,
    password_hash text not null,
    tpp_ids       text[] not null default '{}',
    created_at    timestamptz not null
);
