-- portal sign-ins lock after repeated wrong passwords, like the customers' and staff's: a portal account can stop
-- its TPP's service (C5) and speaks for it in incidents (C6)
alter table portal_account add column failed_attempts int not null default 0;
alter table portal_account add column locked_until timestamptz;
