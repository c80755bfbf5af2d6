package jp.kakehashi.tpp.ratelimit;

/**
 * A token-bucket limit (F4): a sustained rate and a burst the bucket holds when idle. It is the limit of the whole
 * cluster: every node takes its calls' tokens from one bucket in PostgreSQL ({@link SharedBuckets}).
 *
 * @param perSecond requests per second, sustained; more than zero
 * @param burst     requests that may come at once after a quiet period; at least one
 */
public record RateLimit(double perSecond, int burst) {

    public RateLimit {
        if (!(perSecond > 0) || Double.isInfinite(perSecond) || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive, finite rate and a burst of at least 1");
        }
    }

    /**
     * How many tokens a node takes from the shared bucket at once: {@code max(1, min(burst / 10, perSecond / 20))},
     * rounded down. A tenth of the burst at most, so a lease held by one node leaves most of a burst to the others;
     * a twentieth of the rate at most, so a node busy with one TPP asks the database about 20 times a second for it
     * (the default 100/s, burst 200: leases of 5), not once per call.
     */
    int leaseSize() {
        return (int) Math.max(1, Math.min(burst / 10, Math.floor(perSecond / 20)));
    }
}
