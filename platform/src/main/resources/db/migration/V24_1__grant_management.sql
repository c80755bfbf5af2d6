-- Grant Management for OAuth 2.0 (B8): a grant can outlive the authorization that created it. A later authorization
-- with grant_management_action merge or replace belongs to the same grant, so the tokens of a grant are found by the
-- grant, not by the authorization's own id. Until now a grant's id was its one authorization's id.
alter table oauth_authorization add column grant_id text;
update oauth_authorization set grant_id = id;
alter table oauth_authorization alter column grant_id set not null;
create index oauth_authorization_grant on oauth_authorization (grant_id);

-- When a grant's rights were last changed by a merge or replace (the grant management endpoint's last_updated_at).
alter table grants add column updated_at timestamptz;
