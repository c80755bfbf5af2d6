-- consent: the authorization details (RFC 9396) the customer approved with a grant, as the access token carries them
-- (with the debtor account the customer chose filled in). Null for grants of scopes only. The transfer API checks a
-- payment against them and uses a single-transfer grant up once.
alter table grants add column authorization_details jsonb;
