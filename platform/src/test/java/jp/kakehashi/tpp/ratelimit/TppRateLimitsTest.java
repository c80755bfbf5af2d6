package jp.kakehashi.tpp.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** F4: token buckets per TPP and per address, on a clock the test moves. */
class TppRateLimitsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void takeForTppWhenBurstUsedThenRefusedWithTimeUntilNextToken() {
        var limits = limits(1, new RateLimit(2, 3), Map.of());

        assertThat(limits.takeForTpp("a")).isEmpty();
        assertThat(limits.takeForTpp("a")).isEmpty();
        assertThat(limits.takeForTpp("a")).isEmpty();

        assertThat(limits.takeForTpp("a")).contains(TimeUnit.MILLISECONDS.toNanos(500));
    }

    @Test
    void takeForTppWhenTimePassesThenTokensComeBackAtTheRate() {
        var limits = limits(1, new RateLimit(2, 1), Map.of());
        limits.takeForTpp("a");
        assertThat(limits.takeForTpp("a")).isPresent();

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(499));
        assertThat(limits.takeForTpp("a")).isPresent();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(limits.takeForTpp("a")).isEmpty();
    }

    @Test
    void takeForTppWhenOneTppExhaustedThenAnotherIsUnaffected() {
        var limits = limits(1, new RateLimit(1, 1), Map.of());
        limits.takeForTpp("noisy");

        assertThat(limits.takeForTpp("noisy")).isPresent();
        assertThat(limits.takeForTpp("quiet")).isEmpty();
        assertThat(limits.takeForAddress("noisy")).isEmpty();
    }

    @Test
    void limitOfWhenConfiguredAndOverriddenThenOverrideWinsUntilRemoved() {
        var limits = limits(1, new RateLimit(100, 200), Map.of("slow", new RateLimit(1, 2)));

        assertThat(limits.limitOf("other")).isEqualTo(new RateLimit(100, 200));
        assertThat(limits.limitOf("slow")).isEqualTo(new RateLimit(1, 2));
        limits.override("slow", new RateLimit(5, 1));
        assertThat(limits.limitOf("slow")).isEqualTo(new RateLimit(5, 1));
        assertThat(limits.takeForTpp("slow")).isEmpty();
        assertThat(limits.takeForTpp("slow")).isPresent();
        limits.removeOverride("slow");
        assertThat(limits.limitOf("slow")).isEqualTo(new RateLimit(1, 2));
        assertThat(limits.takeForTpp("slow")).isEmpty();
    }

    @Test
    void takeForTppWhenSeveralNodesThenEachGrantsItsShare() {
        var limits = limits(4, new RateLimit(8, 8), Map.of());

        assertThat(limits.takeForTpp("a")).isEmpty();
        assertThat(limits.takeForTpp("a")).isEmpty();
        // 8/4 = 2 a second on this node: the next token in half a second
        assertThat(limits.takeForTpp("a")).contains(TimeUnit.MILLISECONDS.toNanos(500));
    }

    @Test
    void takeForAddressWhenManyIdleBucketsThenTheyAreForgotten() {
        var limits = limits(1, new RateLimit(10, 10), Map.of());
        for (int i = 0; i <= 10_000; i++) {
            limits.takeForAddress("198.51.100." + i);
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));

        assertThat(limits.takeForAddress("203.0.113.1")).isEmpty();

        assertThat(limits.bucketCount()).isEqualTo(1);
    }

    private TppRateLimits limits(int nodes, RateLimit perTpp, Map<String, RateLimit> tpps) {
        return new TppRateLimits(new RateLimitProperties(true, nodes, perTpp, new RateLimit(1, 1), tpps), now::get);
    }

}
