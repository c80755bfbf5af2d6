package jp.kakehashi.tpp.ratelimit;

/** Where the cluster's token buckets live: one per TPP and per client address, shared by every node. */
interface SharedBuckets {

    /**
     * Takes up to {@code want} whole tokens from {@code bucket}, refilled first at {@code limit}'s rate up to its
     * burst; a bucket not seen before starts full.
     */
    Lease.Taken take(String bucket, RateLimit limit, int want);
}
