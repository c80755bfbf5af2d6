-- staff TOTP seeds are sealed with the master key (C2) like every other secret at rest; seeds stored before this
-- are plaintext until the application seals them at its next start (it needs the master key, SQL does not have it)
alter table staff_account add column totp_sealed boolean not null default false;
