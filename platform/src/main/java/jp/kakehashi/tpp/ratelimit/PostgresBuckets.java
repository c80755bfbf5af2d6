package jp.kakehashi.tpp.ratelimit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The shared token buckets in PostgreSQL ({@code rate_bucket}). A lease is one upsert that refills the bucket by the
 * time passed, takes up to the lease size in whole tokens and returns what it took: one round trip, atomic under the
 * row's lock, so no two nodes can take the same token. Time is the database's ({@code now()}), one clock for all
 * nodes; it never runs backwards for a bucket, so a statement that waited for the row's lock refills nothing for
 * the wait rather than something twice.
 * <p>
 * The same statement gives back what the node's previous lease left unspent, so the tokens a node took but did not
 * need are the other nodes' again (F4).
 * <p>
 * The row is updated in place (HOT: no indexed column changes, and the table keeps free room on its pages), and with
 * leases a TPP at its default limit costs about 20 statements a second per node, whatever its call rate.
 */
@Component
class PostgresBuckets implements SharedBuckets {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;
    // the tokens the bucket holds now: what it held, plus the rate for the time since, plus the unspent tokens of the
    // node's last lease given back, up to the burst
    private static final String AVAILABLE = "least(:burst, b.tokens + :back + :rate * extract(epoch from "
            + "greatest(now() - b.refilled_at, interval '0'))::double precision)";
    private static final String TAKE = """
            insert into %2$s as b (bucket, tokens, refilled_at, per_second, burst, last_lease)
            values (:bucket, :burst - least(:want, :burst), now(), :rate, :burst, least(:want, :burst))
            on conflict (bucket) do update set
                last_lease = least(:want, floor(%1$s))::int,
                tokens = %1$s - least(:want, floor(%1$s)),
                refilled_at = greatest(b.refilled_at, now()),
                per_second = :rate,
                burst = :burst
            returning last_lease, tokens
            """;
    /** The per-TPP buckets: few, busy, updated in place. */
    static final String TPP_TABLE = "rate_bucket";
    /** The per-address buckets: any number, swept through the index on their refill time. */
    static final String ADDRESS_TABLE = "rate_bucket_address";
    private static final String TAKE_TPP = TAKE.formatted(AVAILABLE, TPP_TABLE);
    private static final String TAKE_ADDRESS = TAKE.formatted(AVAILABLE, ADDRESS_TABLE);
    /** How long an address's bucket must have been idle before the sweep looks at it (the index's range). */
    static final String IDLE_BEFORE_SWEPT = "1 minute";

    private final JdbcClient jdbc;

    PostgresBuckets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SharedBuckets.Taken take(String bucket, RateLimit limit, int want, int back) {
        return jdbc.sql(bucket.startsWith(TppRateLimits.ADDRESS_PREFIX) ? TAKE_ADDRESS : TAKE_TPP).param("bucket", bucket).param("rate", limit.perSecond()).param("burst", limit.burst())
                .param("want", want).param("back", Math.max(0, back)).query((rs, row) -> {
                    int taken = rs.getInt("last_lease");
                    double left = rs.getDouble("tokens");
                    return new SharedBuckets.Taken(taken, taken > 0 ? 0
                            : Math.max(1, (long) Math.ceil((1 - left) / limit.perSecond() * NANOS_PER_SECOND)));
                }).single();
    }

    /**
     * Forgets the buckets that are full again (idle client addresses, mostly): a missing bucket starts full, so
     * nothing changes for anyone. The address buckets, whose number has no bound, are found through the index on
     * their refill time (idle for {@link #IDLE_BEFORE_SWEPT} at least, then full); the TPP buckets, one per TPP, are
     * few enough to scan. In batches that skip rows in use.
     */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    int forgetFull() {
        int total = 0;
        for (String sweep : new String[] {"""
                delete from %s where ctid = any (array(
                    select ctid from %<s
                     where refilled_at < now() - interval '%s'
                       and tokens + per_second * extract(epoch from now() - refilled_at)::double precision >= burst
                     limit 5000 for update skip locked))
                """.formatted(ADDRESS_TABLE, IDLE_BEFORE_SWEPT), """
                delete from %s where ctid = any (array(
                    select ctid from %<s
                     where tokens + per_second * extract(epoch from now() - refilled_at)::double precision >= burst
                     limit 5000 for update skip locked))
                """.formatted(TPP_TABLE)}) {
            int deleted;
            do {
                deleted = jdbc.sql(sweep).update();
                total += deleted;
            } while (deleted == 5000);
        }
        return total;
    }
}
