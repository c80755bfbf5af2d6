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
        passes("ip:192.0.2.1", "3 seconds");

        buckets.forgetFull();

        assertThat(database.jdbc().sql("select bucket from rate_bucket where bucket like 'ip:192.0.2.%'")
                .query(String.class).list()).containsExactly("ip:192.0.2.2");
    }

    private static void passes(String bucket, String interval) {
        database.jdbc().sql("update rate_bucket set refilled_at = refilled_at - cast(? as interval) where bucket = ?")
                .params(interval, bucket).update();
    }
}
