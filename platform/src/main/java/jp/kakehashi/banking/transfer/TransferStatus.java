package jp.kakehashi.banking.transfer;

/**
 * Where a transfer (振込, issue 4) stands. {@link #PENDING} is the only state that changes: the request is stored
 * and the core system is being called; the other three are final.
 */
public enum TransferStatus {
    /** Stored with its idempotency key; the core system has not answered yet (or the platform stopped meanwhile). */
    PENDING,
    /** 予約振込: stored for a later execution date; executed by the scheduler (next step of issue 4). */
    SCHEDULED,
    /** The money moved: reserved and posted by the core system. */
    COMPLETED,
    /** Refused by the core system, with its reason; no money moved. */
    FAILED
}
