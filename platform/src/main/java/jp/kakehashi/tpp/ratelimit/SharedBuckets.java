package jp.kakehashi.tpp.ratelimit;

/**
 * Where the cluster's token buckets live: one per TPP and per client address, shared by every node. The platform's
 * are in PostgreSQL ({@link PostgresBuckets}).
 */
public interface SharedBuckets {

    /**
     * Takes up to {@code want} whole tokens from {@code bucket}, refilled first at {@code limit}'s rate up to its
     * burst; a bucket not seen before starts full.
     */
    default Taken take(String bucket, RateLimit limit, int want) {
        return take(bucket, limit, want, 0);
    }

    /**
     * Gives back {@code back} tokens of an earlier lease that were never spent, then takes up to {@code want}, in one
     * step: the bucket, refilled and with the tokens given back, holds at most the burst.
     */
    Taken take(String bucket, RateLimit limit, int want, int back);

    /**
     * What the shared bucket gave.
     *
     * @param tokens    tokens taken, at most the lease size; zero when the bucket held less than one
     * @param waitNanos when none: the nanoseconds until the bucket holds one token again
     */
    record Taken(int tokens, long waitNanos) {
    }
}
