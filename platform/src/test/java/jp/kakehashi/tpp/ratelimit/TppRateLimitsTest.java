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

    /**
     * F4: 40 nodes share a TPP's bucket (100/s, burst 200, leases of 5); each second the TPP sends 40 calls at once,
     * one to each node, 40/s in all. Each node takes a lease of 5 for its call and gives the unspent 4 back with its
     * next lease, so no call is refused. Before, the unspent tokens were dropped: 40 × 5 = 200 tokens a second left
     * the bucket for 40 calls, the burst was gone after the first second and half the calls were refused after it.
     */
    @Test
    void takeForTppWhenManyNodesEachSpendLessThanALeaseThenTheTppReachesItsRate() {
        var limits = nodes(40, new RateLimit(100, 200));
        int refused = 0;
        for (int second = 0; second < 30; second++) {
            now.addAndGet(TimeUnit.SECONDS.toNanos(1));
            for (TppRateLimits node : limits) {
                if (node.takeForTpp("spread").isPresent()) {
                    refused++;
                }
            }
        }

        assertThat(refused).as("40/s is below the limit of 100/s").isZero();
        assertThat(buckets.given).as("unspent tokens went back").isPositive();
    }

    /** F4: 20 nodes with the TPP sending 400 calls a second: the cluster grants the rate, never more. */
    @Test
    void takeForTppWhenManyNodesAreFloodedThenTheClusterGrantsTheRateAndNoMore() {
        var limits = nodes(20, new RateLimit(100, 200));
        int accepted = 0;
        int seconds = 30;
        for (int tick = 0; tick < seconds * 400; tick++) {
            now.addAndGet(TimeUnit.MICROSECONDS.toNanos(2_500));
            if (limits.get(tick % 20).takeForTpp("flood").isEmpty()) {
                accepted++;
            }
        }

        assertThat(accepted).as("at most burst + rate × T").isLessThanOrEqualTo(200 + 100 * seconds)
                .as("and the rate is reached").isGreaterThanOrEqualTo(100 * seconds * 95 / 100);
    }

    /**
     * F4: a limit changed on another node (released from 0.01/s) applies here as soon as this node reads it: the
     * refusal remembered under the old rate is dropped, not kept for the 100 s the old rate needed for a token.
     */
    @Test
    void takeForTppWhenTheLimitIsRaisedElsewhereThenTheOldRefusalIsNotKept() {
        var limits = limits(new RateLimit(100, 200), Map.of());
        when(stored.all()).thenReturn(Map.of("released", new RateLimit(0.01, 1)));
        limits.refreshOverrides();
        assertThat(limits.takeForTpp("released")).isEmpty();
        assertThat(limits.takeForTpp("released")).as("about 100 s to the next token").get()
                .matches(wait -> wait > TimeUnit.SECONDS.toNanos(90));

        when(stored.all()).thenReturn(Map.of());
        limits.refreshOverrides();

        assertThat(limits.takeForTpp("released")).as("the bucket is asked again: a token within 10 ms at 100/s").get()
                .matches(wait -> wait <= TimeUnit.MILLISECONDS.toNanos(10));
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
        assertThat(limits.takeForTpp("released")).isEmpty();
    }

    @Test
    void addressKeyWhenIpv6ThenItsPrefixCountsAndIpv4ByItself() {
        assertThat(TppRateLimits.addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd", 64))
                .isEqualTo(TppRateLimits.addressKey("2001:db8:1:2::1", 64)).isEqualTo("ip:2001:db8:1:2:0:0:0:0/64");
        assertThat(TppRateLimits.addressKey("2001:db8:1:3::1", 64)).isNotEqualTo(
                TppRateLimits.addressKey("2001:db8:1:2::1", 64));
        assertThat(TppRateLimits.addressKey("2001:db8:1:3::1", 48)).isEqualTo("ip:2001:db8:1:0:0:0:0:0/48");
        assertThat(TppRateLimits.addressKey("2001:db8::1", 128)).isEqualTo("ip:2001:db8:0:0:0:0:0:1/128");
        assertThat(TppRateLimits.addressKey("192.0.2.7", 64)).isEqualTo("ip:192.0.2.7");
        assertThat(TppRateLimits.addressKey("::ffff:192.0.2.7", 64)).as("IPv4-mapped").isEqualTo("ip:192.0.2.7");
    }

    @Test
    void takeForAddressWhenAnIpv6CallerRotatesWithinItsSlash64ThenOneBucket() {
        var limits = limits(new RateLimit(100, 200), Map.of());

        assertThat(limits.takeForAddress("2001:db8:0:1::1")).isEmpty();
        assertThat(limits.takeForAddress("2001:db8:0:1::2")).as("the same /64, burst 1 used").isPresent();
        assertThat(limits.takeForAddress("2001:db8:0:2::1")).as("another /64").isEmpty();
    }

    private java.util.List<TppRateLimits> nodes(int count, RateLimit perTpp) {
        when(stored.all()).thenReturn(Map.of());
        java.util.List<TppRateLimits> nodes = new java.util.ArrayList<>();
        for (int node = 0; node < count; node++) {
            nodes.add(new TppRateLimits(new RateLimitProperties(true, perTpp, new RateLimit(1, 1), Map.of(), null, null,
                    null), buckets, stored, now::get));
        }
        return nodes;
    }

    @Test
    void propertiesWhenNodesStillSetThenStartRefusedWithTheReason() {
        assertThatThrownBy(() -> new RateLimitProperties(true, null, null, null, 2, null, null))
                .hasMessageContaining("kakehashi.rate-limit.nodes is no longer supported");
    }

    private TppRateLimits limits(RateLimit perTpp, Map<String, RateLimit> tpps) {
        when(stored.all()).thenReturn(Map.of());
        return new TppRateLimits(new RateLimitProperties(true, perTpp, new RateLimit(1, 1), tpps, null, null, null), buckets,
                stored, now::get);
    }

    /** Token buckets as PostgresBuckets keeps them, on the test's clock, counting how often they are asked. */
    private final class CountingBuckets implements SharedBuckets {

        private final Map<String, double[]> tokensAndTime = new HashMap<>();
        private final java.util.List<Integer> wanted = new java.util.ArrayList<>();
        private int asked;

        private long given;

        @Override
        public SharedBuckets.Taken take(String bucket, RateLimit limit, int want, int back) {
            asked++;
            wanted.add(want);
            given += back;
            double[] state = tokensAndTime.computeIfAbsent(bucket, b -> new double[] {limit.burst(), now.get()});
            double available = Math.min(limit.burst(),
                    state[0] + back + (now.get() - state[1]) / 1e9 * limit.perSecond());
            int taken = (int) Math.min(want, Math.floor(available));
            state[0] = available - taken;
            state[1] = now.get();
            return new SharedBuckets.Taken(taken, taken > 0 ? 0 : (long) Math.ceil((1 - state[0]) / limit.perSecond() * 1e9));
        }
    }
}
