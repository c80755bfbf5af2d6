package jp.kakehashi.corebanking.spi;

/**
 * Why the core system refused a transfer: a closed list, so the platform maps each reason once
 * (to an API error code, an audit event and a customer message).
 */
public enum TransferRejection {
    /** The amount is not between 1 and {@link TransferRequest#MAX_AMOUNT} yen. */
    INVALID_AMOUNT,
    /** The debit account does not exist, is closed, or is not the customer's (not told apart, to leak nothing). */
    ACCOUNT_NOT_FOUND,
    /** The debit account is frozen (凍結), e.g. after a fraud report. */
    ACCOUNT_FROZEN,
    /** The debit account's withdrawable amount is below the amount plus the fee (残高不足). */
    INSUFFICIENT_FUNDS,
    /** The payee is at this bank but no open account matches branch, type and number. */
    PAYEE_ACCOUNT_NOT_FOUND,
    /** The payee is at this bank and its account is frozen. */
    PAYEE_ACCOUNT_FROZEN,
    /** Debit account and payee are the same account. */
    SAME_ACCOUNT,
    /** The idempotency key was already used by this customer for a different request. */
    DUPLICATE_REQUEST_MISMATCH
}
