package jp.kakehashi.tpp.ratelimit;

/**
 * A token bucket: it holds at most {@code burst} tokens, gains {@code perSecond} tokens a second, and each call
 * takes one. Time comes in as nanoseconds from a monotonic clock, so that tests can drive it.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final RateLimit limit;
    private double tokens;
    private long refilledAt;

    TokenBucket(RateLimit limit, long now) {
        this.limit = limit;
        this.tokens = limit.burst();
        this.refilledAt = now;
    }

    /** Takes a token if there is one; otherwise the nanoseconds until there will be one. Zero means taken. */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / limit.perSecond() * NANOS_PER_SECOND);
    }

    /** Whether the bucket is full again, i.e. forgetting it loses nothing. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= limit.burst();
    }

    RateLimit limit() {
        return limit;
    }

    private void refill(long now) {
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(limit.burst(), tokens + elapsed / NANOS_PER_SECOND * limit.perSecond());
            refilledAt = now;
        }
    }
}
