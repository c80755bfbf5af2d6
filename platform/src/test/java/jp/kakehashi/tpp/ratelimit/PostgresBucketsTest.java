package jp.kakehashi.tpp.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.kakehashi.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * F4: the cluster's token buckets in PostgreSQL: leases are whole tokens taken atomically (concurrent nodes never
 * take the same token), the bucket refills at the rate on the database's clock up to the burst, and an empty bucket
 * says how long until it holds a token. Time passes by moving a bucket's refill time back.
 */
class PostgresBucketsTest {

    private static final MigratedDatabase database = new MigratedDatabase();

    private final PostgresBuckets buckets = new PostgresBuckets(database.jdbc());

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @Test
    void takeWhenNewBucketThenStartsFullAndLeasesUntilEmpty() {
        RateLimit limit = new RateLimit(0.001, 12);

        assertThat(buckets.take("tpp:new", limit, 5).tokens()).isEqualTo(5);
        assertThat(buckets.take("tpp:new", limit, 5).tokens()).isEqualTo(5);
        assertThat(buckets.take("tpp:new", limit, 5).tokens()).as("only whole tokens, what is left").isEqualTo(2);

        SharedBuckets.Taken empty = buckets.take("tpp:new", limit, 5);
        assertThat(empty.tokens()).isZero();
        assertThat(empty.waitNanos()).as("about 1 / 0.001 s for the next token")
                .isBetween(TimeUnit.SECONDS.toNanos(990), TimeUnit.SECONDS.toNanos(1_000));
    }

    @Test
    void takeWhenTimePassesThenRefilledAtTheRateUpToTheBurst() {
        RateLimit limit = new RateLimit(2, 4);
        assertThat(buckets.take("tpp:refill", limit, 4).tokens()).isEqualTo(4);

        passes("tpp:refill", "1.01 seconds");
        assertThat(buckets.take("tpp:refill", limit, 4).tokens()).as("2 a second").isEqualTo(2);

        passes("tpp:refill", "1 hour");
        assertThat(buckets.take("tpp:refill", limit, 10).tokens()).as("never more than the burst").isEqualTo(4);
    }

    @Test
    void takeWhenLimitLoweredThenTheBucketHoldsNoMoreThanTheNewBurst() {
        assertThat(buckets.take("tpp:lowered", new RateLimit(100, 200), 5).tokens()).isEqualTo(5);

        assertThat(buckets.take("tpp:lowered", new RateLimit(0.001, 2), 5).tokens()).isEqualTo(2);
        assertThat(buckets.take("tpp:lowered", new RateLimit(0.001, 2), 5).tokens()).isZero();
    }

    @Test
    void takeWhenManyNodesLeaseAtOnceThenNoTokenIsTakenTwice() throws Exception {
        RateLimit limit = new RateLimit(0.001, 300);
        List<Callable<Integer>> nodes = new ArrayList<>();
        for (int node = 0; node < 8; node++) {
            nodes.add(() -> {
                int taken = 0;
                for (int lease = 0; lease < 40; lease++) {
                    taken += buckets.take("tpp:contended", limit, 3).tokens();
                }
                return taken;
            });
        }
        int total = 0;
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (Future<Integer> taken : pool.invokeAll(nodes)) {
                total += taken.get();
            }
        }

        assertThat(total).as("8 × 40 leases of 3 asked for 960 tokens; the bucket held 300").isEqualTo(300);
    }

    @Test
    void forgetFullWhenBucketsRefilledThenOnlyThoseAreDeleted() {
        RateLimit limit = new RateLimit(1, 2);
        buckets.take("ip:192.0.2.1", limit, 2);
        buckets.take("ip:192.0.2.2", limit, 2);
        buckets.take("ip:192.0.2.3", limit, 2);
        buckets.take("tpp:idle", limit, 2);
        passes("ip:192.0.2.1", "2 minutes");
        passes("ip:192.0.2.3", "3 seconds");
        passes("tpp:idle", "3 seconds");

        buckets.forgetFull();

        assertThat(database.jdbc().sql("select bucket from rate_bucket_address where bucket like 'ip:192.0.2.%'")
                .query(String.class).list()).as("full again, but idle for less than the sweep's minute")
                .containsExactlyInAnyOrder("ip:192.0.2.2", "ip:192.0.2.3");
        assertThat(database.jdbc().sql("select count(*) from rate_bucket where bucket = 'tpp:idle'")
                .query(Integer.class).single()).isZero();
    }

    /** F4: the sweep of the address buckets goes through the index on the refill time, not a scan of the table. */
    @Test
    void forgetFullWhenManyAddressBucketsThenTheSweepCanUseTheIndex() throws Exception {
        StringBuilder plan = new StringBuilder();
        try (var connection = database.runtime().getConnection(); var statement = connection.createStatement()) {
            statement.execute("set enable_seqscan = off"); // a tiny test table: show the index is usable at all
            try (var rows = statement.executeQuery("""
                    explain (costs off) select ctid from rate_bucket_address
                     where refilled_at < now() - interval '1 minute'
                       and tokens + per_second * extract(epoch from now() - refilled_at)::double precision >= burst""")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }

        assertThat(plan.toString()).contains("rate_bucket_address_refilled");
    }

    /** F4: tokens a node took but did not spend go back to the bucket with its next lease, up to the burst. */
    @Test
    void takeWhenALeaseGivesBackUnspentTokensThenOthersCanTakeThemAndTheBurstCaps() {
        RateLimit limit = new RateLimit(0.001, 10);
        assertThat(buckets.take("tpp:back", limit, 5).tokens()).isEqualTo(5);
        assertThat(buckets.take("tpp:back", limit, 5).tokens()).isEqualTo(5);
        assertThat(buckets.take("tpp:back", limit, 5).tokens()).isZero();

        assertThat(buckets.take("tpp:back", limit, 5, 4).tokens()).as("the 4 given back").isEqualTo(4);
        assertThat(buckets.take("tpp:back", limit, 10, 50).tokens()).as("never more than the burst").isEqualTo(10);
    }

    private static void passes(String bucket, String interval) {
        String table = bucket.startsWith("ip:") ? "rate_bucket_address" : "rate_bucket";
        database.jdbc().sql("update " + table + " set refilled_at = refilled_at - cast(? as interval) where bucket = ?")
                .params(interval, bucket).update();
    }
}
