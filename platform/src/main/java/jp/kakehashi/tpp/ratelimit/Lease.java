package jp.kakehashi.tpp.ratelimit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * One node's share of one shared bucket: tokens taken from PostgreSQL and spent here, one per call, for at most
 * {@link #LIFETIME_NANOS}. What is left when the lease runs out, or when the limit it was taken under changes, is given
 * back to the shared bucket in the statement that takes the next lease (capped at the burst there), so a TPP spread
 * over many nodes, each spending less than its lease, can still reach its configured rate (F4); a token is never both
 * given back and spent. When the shared bucket is empty the node refuses locally until the bucket will hold a token
 * again, but asks again after {@link #LIFETIME_NANOS} at the latest, so a TPP flooding the API costs the database at
 * most one statement a second per node, and a limit raised on another node applies here within a second.
 * <p>
 * One lease per bucket and node; its lock is held while the database is asked, so the calls of a busy TPP on this
 * node wait for the one lease being taken instead of each asking the database.
 */
final class Lease {

    static final long LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ReentrantLock lock = new ReentrantLock();
    private RateLimit limit;
    private int remaining;
    private long expiresAt;
    private long emptyUntil;
    private long askAgainAt;
    private boolean refused;

    /** Asks the shared bucket for up to {@code want} tokens, giving back {@code back} unspent ones first. */
    @FunctionalInterface
    interface Shared {
        SharedBuckets.Taken take(int want, int back);
    }

    /**
     * Takes one token for a call: from this lease while it lasts, else from the shared bucket.
     *
     * @param nanoClock a monotonic clock, read once the lease is this thread's
     * @param current   the limit in force now: a lease taken under another is given back and taken anew
     * @param want      the lease size to ask for
     * @param shared    takes tokens from the shared bucket
     * @return zero when the call may go on, else the nanoseconds until the shared bucket holds a token
     */
    long take(LongSupplier nanoClock, RateLimit current, int want, Shared shared) {
        lock.lock();
        try {
            long now = nanoClock.getAsLong();
            boolean sameLimit = current.equals(limit);
            if (sameLimit && remaining > 0 && now - expiresAt < 0) {
                remaining--;
                return 0;
            }
            if (sameLimit && refused && now - askAgainAt < 0) {
                return emptyUntil - now;
            }
            int back = remaining;
            remaining = 0;
            limit = current;
            SharedBuckets.Taken taken = shared.take(want, back);
            refused = taken.tokens() == 0;
            if (refused) {
                emptyUntil = now + taken.waitNanos();
                askAgainAt = now + Math.min(taken.waitNanos(), LIFETIME_NANOS);
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

    /**
     * Whether forgetting this lease loses nothing a caller needs: no token left to spend in its lifetime and no
     * refusal to remember. (Tokens an idle lease still holds are dropped with it: the bucket of a caller that went
     * quiet refills on its own; a busy caller's leftovers are given back by its next lease.)
     */
    boolean isSpent(long now) {
        lock.lock();
        try {
            return (remaining == 0 || now - expiresAt >= 0) && (!refused || now - askAgainAt >= 0);
        }
        finally {
            lock.unlock();
        }
    }
}
