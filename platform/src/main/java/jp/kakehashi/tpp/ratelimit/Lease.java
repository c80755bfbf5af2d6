package jp.kakehashi.tpp.ratelimit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One node's share of one shared bucket: tokens taken from PostgreSQL and spent here, one per call, for at most
 * {@link #LIFETIME_NANOS}, after which what is left is dropped (never given back, so never spent twice). When the
 * shared bucket is empty the node refuses locally until the bucket will hold a token again, so a TPP flooding the
 * API costs the database at most one statement per bucket refill, not one per refused call (F4).
 * <p>
 * One lease per bucket and node; its lock is held while the database is asked, so the calls of a busy TPP on this
 * node wait for the one lease being taken instead of each asking the database.
 */
final class Lease {

    static final long LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ReentrantLock lock = new ReentrantLock();
    private int remaining;
    private long expiresAt;
    private long emptyUntil;
    private boolean refused;

    /**
     * Takes one token for a call: from this lease while it lasts, else from the shared bucket.
     *
     * @param nanoClock a monotonic clock, read once the lease is this thread's
     * @param shared    takes tokens from the shared bucket
     * @return zero when the call may go on, else the nanoseconds until the shared bucket holds a token
     */
    long take(LongSupplier nanoClock, Supplier<SharedBuckets.Taken> shared) {
        lock.lock();
        try {
            long now = nanoClock.getAsLong();
            if (remaining > 0 && now - expiresAt < 0) {
                remaining--;
                return 0;
            }
            if (refused && now - emptyUntil < 0) {
                return emptyUntil - now;
            }
            SharedBuckets.Taken taken = shared.get();
            refused = taken.tokens() == 0;
            if (refused) {
                remaining = 0;
                emptyUntil = now + taken.waitNanos();
                return taken.waitNanos();
            }
            remaining = taken.tokens() - 1;
            expiresAt = now + LIFETIME_NANOS;
            return 0;
        }
        finally {
            lock.unlock();
        }
    }

    /** Whether forgetting this lease loses nothing: no token left to spend and no refusal to remember. */
    boolean isSpent(long now) {
        lock.lock();
        try {
            return (remaining == 0 || now - expiresAt >= 0) && (!refused || now - emptyUntil >= 0);
        }
        finally {
            lock.unlock();
        }
    }
}
