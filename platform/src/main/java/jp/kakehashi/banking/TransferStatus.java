package jp.kakehashi.banking;

/**
 * Where a transfer (振込, B10) stands. The first three change; {@link #COMPLETED}, {@link #FAILED} and
 * {@link #CANCELLED} are final.
 */
public enum TransferStatus {
    /** 受付済: stored with its idempotency key and being executed by the core (or the platform stopped meanwhile). */
    ACCEPTED,
    /** 確認待ち: the bank's policy wants the customer to confirm it at the bank (帯域外認証) before it runs. */
    AWAITING_CONFIRMATION,
    /** 予約振込: stored for a later execution date; the scheduler executes it on that date. */
    SCHEDULED,
    /** The money moved: reserved and posted by the core system. */
    COMPLETED,
    /** Refused by the core system or not confirmed in time, with its reason; no money moved. */
    FAILED,
    /** Cancelled by the TPP or declined by the customer before it ran; no money moved. */
    CANCELLED;

    /** Whether the transfer can still change. */
    public boolean isOpen() {
        return this == ACCEPTED || this == AWAITING_CONFIRMATION || this == SCHEDULED;
    }
}
