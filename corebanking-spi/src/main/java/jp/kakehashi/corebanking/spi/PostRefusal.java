package jp.kakehashi.corebanking.spi;

/**
 * Why {@link CoreBanking#post} moved no money (two-phase transfers): a closed list, so the platform maps
 * each once. After {@link #ACCOUNT_NOT_FOUND}, {@link #ACCOUNT_FROZEN}, {@link #PAYEE_ACCOUNT_NOT_FOUND} and
 * {@link #PAYEE_ACCOUNT_FROZEN} the hold stays in place, so the caller may retry later or void it; after the
 * others nothing can ever be posted.
 */
public enum PostRefusal {
    /** No reservation with this id, or its reserve call was rejected. */
    RESERVATION_NOT_FOUND,
    /** The reservation was voided; a voided reservation is never posted. */
    RESERVATION_VOIDED,
    /** The hold lapsed before it was posted (also when its lifetime ran out and no sweep has marked it yet). */
    RESERVATION_EXPIRED,
    /** The debit account was closed after the hold was placed. */
    ACCOUNT_NOT_FOUND,
    /** The debit account was frozen (凍結) after the hold was placed. */
    ACCOUNT_FROZEN,
    /** The payee is at this bank and its account was closed after the hold was placed. */
    PAYEE_ACCOUNT_NOT_FOUND,
    /** The payee is at this bank and its account was frozen after the hold was placed. */
    PAYEE_ACCOUNT_FROZEN
}
