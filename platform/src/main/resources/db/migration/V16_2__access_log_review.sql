-- admin: the periodic review of the staff action log (C4 操作ログの定期的な点検). An auditor signs a period off with a
-- comment; the sign-off keeps how many entries were reviewed and a SHA-256 over their record hashes, so a later
-- reader can tell exactly what was seen. Sign-offs are never changed or removed (triggers, as for the logs).
create table access_log_signoff (
    id             bigint generated always as identity primary key,
    period_start   timestamptz not null,
    period_end     timestamptz not null,
    period_label   text not null,
    signed_by      text not null references staff_account (id),
    signed_at      timestamptz not null,
    comment        text not null,
    rows_reviewed  integer not null,
    rows_sha256    text not null,
    unique (period_start, period_end)
);

create function access_log_signoff_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'access_log_signoff is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger access_log_signoff_append_only before update or delete on access_log_signoff
    for each row execute function access_log_signoff_append_only();
create trigger access_log_signoff_no_truncate before truncate on access_log_signoff
    for each statement execute function access_log_signoff_append_only();
