-- tpp: the whole lifecycle of an API connecting party (A1, A6): an application, screening, the bank's decision,
-- activation, and restriction, suspension, resumption and revocation. Nothing of a TPP is ever deleted: a suspended
-- or revoked TPP keeps its data for audit (issue 5).
alter table tpp drop constraint tpp_status_check;
alter table tpp add constraint tpp_status_check check (status in
    ('APPLIED', 'SCREENING', 'APPROVED', 'REJECTED', 'ACTIVE', 'RESTRICTED', 'SUSPENDED', 'REVOKED'));
-- scopes taken away by a restriction; what a TPP may use is approved_scopes minus these
alter table tpp add column restricted_scopes text[] not null default '{}';
alter table tpp add column status_reason text;
alter table tpp add column status_changed_at timestamptz;

-- what the TPP applied with, beside the company data in tpp (A1)
create table tpp_application (
    tpp_id                 text primary key references tpp (id),
    submitted_at           timestamptz not null,
    applicant_email        text not null,
    api_classes            text[] not null,
    requested_scopes       text[] not null,
    redirect_uris          text[] not null,
    jwks                   text,
    certificate_subject_dn text,
    incident_contacts      jsonb not null,
    compensation_terms     text not null,
    check (jwks is not null or certificate_subject_dn is not null)
);

-- every move of a TPP's status, with its reason and the two people behind it (A6, maker-checker); append-only
create table tpp_status_change (
    id            bigint generated always as identity primary key,
    tpp_id        text not null references tpp (id),
    from_status   text,
    to_status     text not null,
    reason        text not null,
    requested_by  text not null,
    approved_by   text,
    scopes        text[] not null default '{}',
    occurred_at   timestamptz not null
);
create index tpp_status_change_by_tpp on tpp_status_change (tpp_id, id);

create function tpp_status_change_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'tpp_status_change is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger tpp_status_change_append_only before update or delete on tpp_status_change
    for each row execute function tpp_status_change_append_only();
