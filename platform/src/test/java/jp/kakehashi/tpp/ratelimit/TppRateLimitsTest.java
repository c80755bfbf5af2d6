package jp.kakehashi.tpp.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * F4: this node's leases on the cluster's buckets, with a bucket store and a clock the test controls. What the
 * shared buckets do in PostgreSQL is {@link PostgresBucketsTest}'s.
 */
class TppRateLimitsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final CountingBuckets buckets = new CountingBuckets();
    private final RateLimitOverrides stored = mock(RateLimitOverrides.class);

    @Test
    void takeForTppWhenBurstUsedThenRefusedWithTimeUntilNextToken() {
        var limits = limits(new RateLimit(2, 3), Map.of());

        assertThat(limits.takeForTpp("a")).isEmpty();
        assertThat(limits.takeForTpp("a")).isEmpty();
        assertThat(limits.takeForTpp("a")).isEmpty();

        assertThat(limits.takeForTpp("a")).contains(TimeUnit.MILLISECONDS.toNanos(500));
    }

    @Test
    void takeForTppWhenLimitAllowsLeasesThenTheSharedBucketIsAskedOncePerLease() {
        var limits = limits(new RateLimit(100, 200), Map.of());

        for (int i = 0; i < 50; i++) {
            assertThat(limits.takeForTpp("busy")).isEmpty();
        }

        assertThat(buckets.asked).as("50 calls, leases of 5").isEqualTo(10);
        assertThat(buckets.wanted).containsOnly(5);
    }

    @Test
    void takeForTppWhenOneTppExhaustedThenAnotherIsUnaffected() {
        var limits = limits(new RateLimit(1, 1), Map.of());
        limits.takeForTpp("noisy");

        assertThat(limits.takeForTpp("noisy")).isPresent();
        assertThat(limits.takeForTpp("quiet")).isEmpty();
        assertThat(limits.takeForAddress("noisy")).isEmpty();
    }

    @Test
    void limitOfWhenConfiguredAndOverriddenThenOverrideWinsUntilRemoved() {
        var limits = limits(new RateLimit(100, 200), Map.of("slow", new RateLimit(1, 2)));

        assertThat(limits.limitOf("other")).isEqualTo(new RateLimit(100, 200));
        assertThat(limits.limitOf("slow")).isEqualTo(new RateLimit(1, 2));
        when(stored.all()).thenReturn(Map.of("slow", new RateLimit(5, 1)));
        limits.override("slow", new RateLimit(5, 1));
        verify(stored).set("slow", new RateLimit(5, 1));
        assertThat(limits.limitOf("slow")).isEqualTo(new RateLimit(5, 1));
        assertThat(limits.takeForTpp("slow")).isEmpty();
        assertThat(limits.takeForTpp("slow")).isPresent();
        when(stored.all()).thenReturn(Map.of());
        limits.removeOverride("slow");
        verify(stored).remove("slow");
        assertThat(limits.limitOf("slow")).isEqualTo(new RateLimit(1, 2));
    }

    @Test
    void refreshOverridesWhenAnotherNodeStoredOneThenThisNodeAppliesIt() {
        var limits = limits(new RateLimit(100, 200), Map.of());
        when(stored.all()).thenReturn(Map.of("throttled", new RateLimit(1, 1)));

        limits.refreshOverrides();

        assertThat(limits.limitOf("throttled")).isEqualTo(new RateLimit(1, 1));
    }

    @Test
    void takeForAddressWhenManyIdleLeasesThenTheyAreForgotten() {
        var limits = limits(new RateLimit(10, 10), Map.of());
        for (int i = 0; i <= 10_000; i++) {
            limits.takeForAddress("198.51.100." + i);
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));

        assertThat(limits.takeForAddress("203.0.113.1")).isEmpty();

        assertThat(limits.leaseCount()).isEqualTo(1);
    }

    @Test
    void propertiesWhenNodesStillSetThenStartRefusedWithTheReason() {
        assertThatThrownBy(() -> new RateLimitProperties(true, null, null, null, 2))
                .hasMessageContaining("kakehashi.rate-limit.nodes is no longer supported");
    }

    private TppRateLimits limits(RateLimit perTpp, Map<String, RateLimit> tpps) {
        when(stored.all()).thenReturn(Map.of());
        return new TppRateLimits(new RateLimitProperties(true, perTpp, new RateLimit(1, 1), tpps, null), buckets,
                stored, now::get);
    }

    /** Token buckets as PostgresBuckets keeps them, on the test's clock, counting how often they are asked. */
    private final class CountingBuckets implements SharedBuckets {

        private final Map<String, double[]> tokensAndTime = new HashMap<>();
        private final java.util.List<Integer> wanted = new java.util.ArrayList<>();
        private int asked;

        @Override
        public SharedBuckets.Taken take(String bucket, RateLimit limit, int want) {
            asked++;
            wanted.add(want);
            double[] state = tokensAndTime.computeIfAbsent(bucket, b -> new double[] {limit.burst(), now.get()});
            double available = Math.min(limit.burst(), state[0] + (now.get() - state[1]) / 1e9 * limit.perSecond());
            int taken = (int) Math.min(want, Math.floor(available));
            state[0] = available - taken;
            state[1] = now.get();
            return new SharedBuckets.Taken(taken, taken > 0 ? 0 : (long) Math.ceil((1 - state[0]) / limit.perSecond() * 1e9));
        }
    }
}
