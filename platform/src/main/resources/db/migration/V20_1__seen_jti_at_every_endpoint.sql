-- B7, RFC 9449 §11.1: seen_jti now takes a row for every DPoP proof at every resource call (userinfo, /v1), not
-- only at the token endpoint, so it is a high-churn table: each row lives about a minute and is deleted in batches
-- (SeenJtis). Vacuum it after 1% of its rows changed instead of PostgreSQL's 20%, so dead rows of the deletes are
-- reused soon and the table and its indexes stay the size of one minute's calls.
alter table seen_jti set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01,
                          autovacuum_analyze_scale_factor = 0.02);
