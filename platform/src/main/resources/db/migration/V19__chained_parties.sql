-- tpp: chained parties (API連鎖接続先, F2). Per TPP and API class the bank chooses how a chain is handled; the parties
-- a TPP serves are registered per TPP. Rows are never deleted: a withdrawn party keeps its history for audit.
create table tpp_chain_handling (
    tpp_id      text not null references tpp (id),
    api_class   text not null check (api_class in ('READ', 'PAYMENT')),
    handling    text not null check (handling in
        ('DIRECT_CONTRACT', 'APPROVAL', 'PRIOR_NOTICE', 'CONDITIONS', 'TPP_RESPONSIBILITY')),
    conditions  text,
    decided_by  text not null,
    decided_at  timestamptz not null,
    primary key (tpp_id, api_class),
    check (handling <> 'CONDITIONS' or conditions is not null)
);

create table tpp_chained_party (
    tpp_id           text not null references tpp (id),
    party_id         text not null check (party_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$'),
    name             text not null,
    corporate_number text,
    api_classes      text[] not null,
    registered_by    text not null,
    registered_at    timestamptz not null,
    approved_by      text,
    approved_at      timestamptz,
    -- PRIOR_NOTICE: the TPP notified the party's use; it may call for it from this business date on
    noticed_at       timestamptz,
    allowed_from     date,
    withdrawn_at     timestamptz,
    primary key (tpp_id, party_id)
);

-- audit: the chained party a call was made for, as the TPP named it (F2 "requests made for a chained party identify it")
alter table api_execution_log add column chained_party_id text;

-- the append-only rule now also keeps the chained party of a record unchanged when it is chained
create or replace function api_execution_log_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.sequence_number is null and new.sequence_number is not null
       and (old.id, old.recorded_at, old.customer_id, old.tpp_id, old.client_id, old.grant_id, old.operation,
            old.resource_id, old.http_status, old.error_code, old.interaction_id,
            old.interaction_id_generated, old.customer_ip_address, old.customer_user_agent, old.auth_date,
            old.auth_failure_count, old.client_ip_address, old.invalid_headers, old.duration_micros,
            old.chained_party_id)
           is not distinct from
           (new.id, new.recorded_at, new.customer_id, new.tpp_id, new.client_id, new.grant_id, new.operation,
            new.resource_id, new.http_status, new.error_code, new.interaction_id,
            new.interaction_id_generated, new.customer_ip_address, new.customer_user_agent, new.auth_date,
            new.auth_failure_count, new.client_ip_address, new.invalid_headers, new.duration_micros,
            new.chained_party_id) then
        return new;
    end if;
    raise exception 'api_execution_log is append-only: % refused', tg_op using errcode = 'restrict_violation';
end
$$;
