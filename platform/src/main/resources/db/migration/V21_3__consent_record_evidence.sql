-- consent: what the customer saw and agreed to (D5), kept as evidence that holds against a database insider.
-- Besides the structured content already kept (shown, shown_sha256), each record now keeps what was rendered:
--   page_sha256        SHA-256 of the exact consent page (the HTML document's bytes) the bank sent the customer
--   template_version   the page template's version, derived from the template's content
--   confirmation_text  the words of the confirmation the customer ticked
--   sign_in_level      how the customer had signed in (PASSWORD or MFA)
-- Records made before this migration did not keep the rendering: their template version is the template name they
-- recorded (consent/v1), the other three stay empty, all or none.
alter table consent_record
    add column template_version  text,
    add column page_sha256       text,
    add column confirmation_text text,
    add column sign_in_level     text check (sign_in_level in ('PASSWORD', 'MFA')),
    add check ((page_sha256 is null) = (confirmation_text is null) and (page_sha256 is null) = (sign_in_level is null));
update consent_record set template_version = template;
alter table consent_record alter column template_version set not null;

-- the hash chain (C1, D5), given after the fact like the execution log's; entry_number orders the rows to chain
alter table consent_record
    add column entry_number    bigint generated always as identity,
    add column sequence_number bigint unique,
    add column previous_hash   text,
    add column record_hash     text,
    add check ((sequence_number is null) = (record_hash is null) and (record_hash is null) = (previous_hash is null));
create index consent_record_unchained on consent_record (entry_number) where sequence_number is null;

-- append-only: never changed or removed, whoever asks, but for receiving the chain link once
create function consent_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.sequence_number is null and new.sequence_number is not null
       and to_jsonb(old) - 'sequence_number' - 'previous_hash' - 'record_hash'
           = to_jsonb(new) - 'sequence_number' - 'previous_hash' - 'record_hash' then
        return new;
    end if;
    raise exception 'consent_record is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger consent_record_append_only before update or delete on consent_record
    for each row execute function consent_record_append_only();
create trigger consent_record_no_truncate before truncate on consent_record
    for each statement execute function consent_record_append_only();
