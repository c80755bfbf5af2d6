package jp.kakehashi.tpp.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** F4: a node spends a lease of the shared bucket's tokens for at most a second, and remembers an empty bucket. */
class LeaseTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final AtomicInteger asked = new AtomicInteger();
    private static final RateLimit LIMIT = new RateLimit(1, 1);
    private final Lease lease = new Lease();

    @Test
    void takeWhenLeaseHasTokensThenSpentWithoutAskingTheSharedBucket() {
        assertThat(take(new SharedBuckets.Taken(3, 0))).isZero();
        assertThat(take(new SharedBuckets.Taken(3, 0))).isZero();
        assertThat(take(new SharedBuckets.Taken(3, 0))).isZero();

        assertThat(asked).as("one lease of 3 for 3 calls").hasValue(1);
        take(new SharedBuckets.Taken(3, 0));
        assertThat(asked).as("the fourth call takes a new lease").hasValue(2);
    }

    @Test
    void takeWhenLeaseIsOlderThanASecondThenItsTokensAreNotSpent() {
        take(new SharedBuckets.Taken(5, 0));
        now.addAndGet(Lease.LIFETIME_NANOS);

        take(new SharedBuckets.Taken(5, 0));

        assertThat(asked).as("the 4 tokens left of the first lease were not spent here").hasValue(2);
    }

    @Test
    void takeWhenSharedBucketEmptyThenRefusedLocallyUntilItHoldsATokenAgain() {
        long wait = TimeUnit.MILLISECONDS.toNanos(400);
        assertThat(take(new SharedBuckets.Taken(0, wait))).isEqualTo(wait);

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(take(new SharedBuckets.Taken(0, wait))).as("refused here, the rest of the wait")
                .isEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
        assertThat(asked).as("a flood of refused calls does not reach the database").hasValue(1);

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(300));
        assertThat(take(new SharedBuckets.Taken(1, 0))).isZero();
        assertThat(asked).hasValue(2);
    }

    @Test
    void isSpentWhenTokensLeftOrRefusalRememberedThenNotUntilBothAreOver() {
        assertThat(lease.isSpent(now.get())).isTrue();
        take(new SharedBuckets.Taken(2, 0));
        assertThat(lease.isSpent(now.get())).isFalse();
        assertThat(lease.isSpent(now.get() + Lease.LIFETIME_NANOS)).isTrue();

        take(new SharedBuckets.Taken(1, 0));
        take(new SharedBuckets.Taken(0, 1_000));
        assertThat(lease.isSpent(now.get())).isFalse();
        assertThat(lease.isSpent(now.get() + 1_000)).isTrue();
    }

    @Test
    void leaseSizeWhenLimitsVaryThenATenthOfTheBurstAndATwentiethOfTheRateAtMostAndOneAtLeast() {
        assertThat(new RateLimit(100, 200).leaseSize()).isEqualTo(5);
        assertThat(new RateLimit(1_000, 200).leaseSize()).isEqualTo(20);
        assertThat(new RateLimit(50, 100).leaseSize()).isEqualTo(2);
        assertThat(new RateLimit(0.5, 2).leaseSize()).isEqualTo(1);
        assertThat(new RateLimit(1_000_000, 1_000_000).leaseSize()).isEqualTo(50_000);
    }

    private final AtomicInteger givenBack = new AtomicInteger();

    private long take(SharedBuckets.Taken fromBucket) {
        return take(LIMIT, fromBucket);
    }

    private long take(RateLimit limit, SharedBuckets.Taken fromBucket) {
        return lease.take(now::get, limit, 5, (want, back) -> {
            asked.incrementAndGet();
            givenBack.addAndGet(back);
            return fromBucket;
        });
    }

    @Test
    void takeWhenLeaseRanOutWithTokensLeftThenTheyAreGivenBackWithTheNextLease() {
        take(new SharedBuckets.Taken(5, 0));
        now.addAndGet(Lease.LIFETIME_NANOS);

        take(new SharedBuckets.Taken(5, 0));

        assertThat(givenBack).as("the 4 unspent tokens").hasValue(4);
    }

    @Test
    void takeWhenTheLimitChangedThenTheLeaseIsGivenBackAndTheRefusalUnderTheOldLimitForgotten() {
        take(new SharedBuckets.Taken(0, TimeUnit.SECONDS.toNanos(100)));

        assertThat(take(new RateLimit(100, 200), new SharedBuckets.Taken(5, 0))).as("asked again at once").isZero();
        assertThat(asked).hasValue(2);
    }

    @Test
    void takeWhenTheBucketIsEmptyForLongThenAskedAgainAfterASecondWithTheRealWait() {
        long wait = TimeUnit.SECONDS.toNanos(100);
        take(new SharedBuckets.Taken(0, wait));
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(take(new SharedBuckets.Taken(0, wait))).as("refused here, Retry-After the real wait")
                .isEqualTo(wait - TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(asked).hasValue(1);

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        take(new SharedBuckets.Taken(0, wait));
        assertThat(asked).as("asked again after a second").hasValue(2);
    }
}
