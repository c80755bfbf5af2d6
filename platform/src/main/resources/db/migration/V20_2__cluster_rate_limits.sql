-- F4: the rate limits' token buckets, one per TPP ('tpp:<id>') and per client address ('ip:<address>'), shared by
-- every node (PostgresBuckets). Nodes take leases of a few tokens at a time, so a row is updated about 20 times a
-- second per node for a TPP at its limit: in place (no indexed column changes; half of each page is kept free for
-- the new versions), and vacuumed often.
create table rate_bucket (
    bucket      text primary key,
    tokens      double precision not null,
    refilled_at timestamptz not null,
    -- the limit at the last lease, so that idle buckets that are full again can be forgotten
    per_second  double precision not null,
    burst       integer not null,
    -- what the last lease took, so that the statement taking it can return it
    last_lease  integer not null
) with (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.05);

-- F4: limits the bank's staff set per TPP at run time, applied by every node
create table rate_limit_override (
    tpp_id     text primary key references tpp (id),
    per_second double precision not null check (per_second > 0),
    burst      integer not null check (burst >= 1),
    set_at     timestamptz not null
);
