-- The incident timeline and the record of warned customers are the evidence of C6 and E2: neither may be rewritten.
-- A row trigger does not see TRUNCATE, so each table gets a statement trigger for it too.
create trigger incident_entry_no_truncate before truncate on incident_entry
    for each statement execute function incident_entry_append_only();

create function customer_warning_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'customer_warning is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger customer_warning_append_only before update or delete on customer_warning
    for each row execute function customer_warning_append_only();
create trigger customer_warning_no_truncate before truncate on customer_warning
    for each statement execute function customer_warning_append_only();
