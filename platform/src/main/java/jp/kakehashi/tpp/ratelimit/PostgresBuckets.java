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
 * The row is updated in place (HOT: no indexed column changes, and the table keeps free room on its pages), and with
 * leases a TPP at its default limit costs about 20 statements a second per node, whatever its call rate.
 */
@Component
class PostgresBuckets implements SharedBuckets {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;
    // the tokens the bucket holds now: what it held, plus the rate for the time since, up to the burst
    private static final String AVAILABLE = "least(:burst, b.tokens + :rate * extract(epoch from "
            + "greatest(now() - b.refilled_at, interval '0'))::double precision)";
    private static final String TAKE = """
            insert into rate_bucket as b (bucket, tokens, refilled_at, per_second, burst, last_lease)
            values (:bucket, :burst - least(:want, :burst), now(), :rate, :burst, least(:want, :burst))
            on conflict (bucket) do update set
                last_lease = least(:want, floor(%1$s))::int,
                tokens = %1$s - least(:want, floor(%1$s)),
                refilled_at = greatest(b.refilled_at, now()),
                per_second = :rate,
                burst = :burst
            returning last_lease, tokens
            """.formatted(AVAILABLE);

    private final JdbcClient jdbc;

    PostgresBuckets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SharedBuckets.Taken take(String bucket, RateLimit limit, int want) {
        return jdbc.sql(TAKE).param("bucket", bucket).param("rate", limit.perSecond()).param("burst", limit.burst())
                .param("want", want).query((rs, row) -> {
                    int taken = rs.getInt("last_lease");
                    double left = rs.getDouble("tokens");
                    return new SharedBuckets.Taken(taken, taken > 0 ? 0
                            : Math.max(1, (long) Math.ceil((1 - left) / limit.perSecond() * NANOS_PER_SECOND)));
                }).single();
    }

    /**
     * Forgets the buckets that are full again (idle client addresses, mostly): a missing bucket starts full, so
     * nothing changes for anyone. A scan without an index, once a minute, in batches that skip rows in use: an index
     * on the refill time would turn every lease into an index update.
     */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    int forgetFull() {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                    delete from rate_bucket where ctid = any (array(
                        select ctid from rate_bucket
                         where tokens + per_second * extract(epoch from now() - refilled_at)::double precision >= burst
                         limit 5000 for update skip locked))
                    """).update();
            total += deleted;
        } while (deleted == 5000);
        return total;
    }
}
