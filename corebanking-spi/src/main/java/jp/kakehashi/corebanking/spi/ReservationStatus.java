package jp.kakehashi.corebanking.spi;

/**
 * Where a reservation of a two-phase transfer stands. {@link #ACTIVE} is the only state that holds
 * money and the only one that changes; the other three are final.
 */
public enum ReservationStatus {
    /** The hold is in place: the withdrawable amount is lowered by amount and fee, the balance is not. */
    ACTIVE,
    /** The money moved once, as a balanced posting; the hold is gone. */
    POSTED,
    /** The caller released the whole hold, fee included; no money moved. */
    VOIDED,
    /** The hold outlived its lifetime and was released whole, fee included; no money moved. */
    EXPIRED
}
