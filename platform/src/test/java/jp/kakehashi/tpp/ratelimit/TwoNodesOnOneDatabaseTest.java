package jp.kakehashi.tpp.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jp.kakehashi.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * F4, two nodes on one database: each node's {@link Lease} on the same bucket in PostgreSQL ({@link PostgresBuckets}),
 * as {@link TppRateLimits} wires them, asking for leases of 5. The rate is next to nothing (one token in 1,000 s), so
 * what the cluster grants is the burst alone, whatever the database's speed; and every call lands on a node whose lease
 * has run out since its last call (each node's clock moves a second per call), the worst case for leases: one token
 * spent of each lease of five.
 */
class TwoNodesOnOneDatabaseTest {

    private static final MigratedDatabase database = new MigratedDatabase();
    private static final RateLimit LIMIT = new RateLimit(0.001, 200);
    private static final int LEASE = 5;

    private final PostgresBuckets buckets = new PostgresBuckets(database.jdbc());

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    /**
     * The whole burst is reachable: the unspent four tokens of each lease go back with the node's next lease, so 190
     * calls in a row (taking 190 tokens, and 4 more held by each node) are all accepted; before, the four were
     * dropped and the burst of 200 was gone after 40 calls. And never more than the burst is granted.
     */
    @Test
    void takeWhenEveryLeaseRunsOutAfterOneCallThenTheBurstIsReachableAndNeverExceeded() {
        var a = new Node("tpp:two-nodes");
        var b = new Node("tpp:two-nodes");
        int accepted = 0;
        for (int call = 0; call < 190; call++) {
            accepted += (call % 2 == 0 ? a : b).call() ? 1 : 0;
        }
        assertThat(accepted).as("every call within the burst, whatever the leases").isEqualTo(190);

        for (int call = 0; call < 20; call++) {
            accepted += (call % 2 == 0 ? a : b).call() ? 1 : 0;
        }
        assertThat(accepted).as("never more than the burst (and what 1/1000 s refills meanwhile)")
                .isBetween(LIMIT.burst(), LIMIT.burst() + 1);
    }

    /** One node's lease on the bucket, with its own clock. */
    private final class Node {

        private final Lease lease = new Lease();
        private final AtomicLong clock = new AtomicLong();
        private final String bucket;

        Node(String bucket) {
            this.bucket = bucket;
        }

        boolean call() {
            return lease.take(() -> clock.addAndGet(TimeUnit.SECONDS.toNanos(1)), LIMIT, LEASE,
                    (want, back) -> buckets.take(bucket, LIMIT, want, back)) == 0;
        }
    }
}
