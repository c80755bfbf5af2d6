-- audit: the API execution log (C1). Append-only and hash-chained: a record is inserted on its own, durable before the
-- response leaves; the chainer later gives it its place in the chain (sequence, previous hash, hash) exactly once.
-- Nothing else may ever change or remove a record: the triggers below refuse it, whoever asks.
create table api_execution_log (
    id                     bigint generated always as identity primary key,
    recorded_at            timestamptz not null,
    customer_id            text,
    tpp_id                 text,
    client_id              text,
    grant_id               text,
    operation              text not null, -- method and route pattern (or path), e.g. GET /v1/accounts/{accountId}/balances
    resource_id            text,
    http_status            int not null,
    error_code             text,
    interaction_id         uuid not null,
    interaction_id_generated boolean not null,
    customer_ip_address    text,
    customer_user_agent    text,
    auth_date              timestamptz,
    auth_failure_count     int,
    client_ip_address      text,
    invalid_headers        text[] not null,
    duration_micros        bigint not null,
    -- the chain, set once by the chainer
    sequence_number        bigint unique,
    previous_hash          text,
    record_hash            text,
    check ((sequence_number is null) = (record_hash is null) and (record_hash is null) = (previous_hash is null))
);
-- what the chainer picks up: only the few records not chained yet
create index api_execution_log_unchained on api_execution_log (id) where sequence_number is null;
-- investigations and customer inquiries (C1)
create index api_execution_log_customer on api_execution_log (customer_id, recorded_at) where customer_id is not null;
create index api_execution_log_tpp on api_execution_log (tpp_id, recorded_at) where tpp_id is not null;
create index api_execution_log_interaction on api_execution_log (interaction_id);

create function api_execution_log_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.sequence_number is null and new.sequence_number is not null
       and (old.id, old.recorded_at, old.customer_id, old.tpp_id, old.client_id, old.grant_id, old.operation,
            old.resource_id, old.http_status, old.error_code, old.interaction_id,
            old.interaction_id_generated, old.customer_ip_address, old.customer_user_agent, old.auth_date,
            old.auth_failure_count, old.client_ip_address, old.invalid_headers, old.duration_micros)
           is not distinct from
           (new.id, new.recorded_at, new.customer_id, new.tpp_id, new.client_id, new.grant_id, new.operation,
            new.resource_id, new.http_status, new.error_code, new.interaction_id,
            new.interaction_id_generated, new.customer_ip_address, new.customer_user_agent, new.auth_date,
            new.auth_failure_count, new.client_ip_address, new.invalid_headers, new.duration_micros) then
        -- the one change ever allowed: an unchained record receives its place in the chain
        return new;
    end if;
    raise exception 'api_execution_log is append-only: % refused', tg_op using errcode = 'restrict_violation';
end
$$;

create trigger api_execution_log_append_only before update or delete on api_execution_log
    for each row execute function api_execution_log_append_only();
create trigger api_execution_log_no_truncate before truncate on api_execution_log
    for each statement execute function api_execution_log_append_only();
