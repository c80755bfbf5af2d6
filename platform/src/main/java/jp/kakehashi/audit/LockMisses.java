package jp.kakehashi.audit;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the turns in a row a node found one of the evidence's advisory locks taken (C1, C4, D5). Another node
 * holding it for a turn is normal; one holding it turn after turn is not: any role that may connect can hold an
 * advisory lock for as long as it likes and so stop chaining or checkpointing. The verification reports the stall it
 * causes ({@link ChainVerification}); this says which lock, in the log and in the
 * {@code kakehashi.audit.lock.missed} gauge.
 */
final class LockMisses {

    private static final Logger log = LoggerFactory.getLogger(LockMisses.class);
    /** Turns in a row after which a miss is worth a warning, and then every this many times ten. */
    private static final int WARN_AFTER = 10;

    private final String lock;
    private final AtomicInteger consecutive = new AtomicInteger();

    LockMisses(String lock) {
        this.lock = lock;
    }

    void taken() {
        int missed = consecutive.getAndSet(0);
        if (missed >= WARN_AFTER) {
            log.warn("The {} lock was taken again after {} turns held elsewhere", lock, missed);
        }
    }

    void missed() {
        int missed = consecutive.incrementAndGet();
        if (missed == WARN_AFTER || missed % (WARN_AFTER * 10) == 0) {
            log.warn("The {} lock has been held elsewhere for {} turns in a row: if no node is working, a session is"
                    + " holding it (pg_locks, locktype advisory) and the evidence is not being {}", lock, missed,
                    lock.equals("checkpoint") ? "checkpointed" : "chained");
        }
    }

    int consecutive() {
        return consecutive.get();
    }

    String lock() {
        return lock;
    }
}
