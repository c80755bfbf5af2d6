-- F4: the per-address buckets (calls without a customer's authorisation, keyed by IPv4 address or IPv6 prefix) get a
-- table of their own. Their number has no bound (every new address makes one), so the sweep that forgets the full
-- ones goes through an index on the refill time; the per-TPP buckets stay in rate_bucket without such an index, so
-- their frequent leases remain in-place (HOT) updates.
create table rate_bucket_address (like rate_bucket including all)
    with (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.05);
create index rate_bucket_address_refilled on rate_bucket_address (refilled_at);
