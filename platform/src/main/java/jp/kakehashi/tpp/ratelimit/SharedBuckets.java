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
    Taken take(String bucket, RateLimit limit, int want);

    /**
     * What the shared bucket gave.
     *
     * @param tokens    tokens taken, at most the lease size; zero when the bucket held less than one
     * @param waitNanos when none: the nanoseconds until the bucket holds one token again
     */
    record Taken(int tokens, long waitNanos) {
    }
}
