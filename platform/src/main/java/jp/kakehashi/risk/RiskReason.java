package jp.kakehashi.risk;

/**
 * Which fraud rule decided a transfer (C3): a closed list, so the audit log, the staff screens and the transfer's
 * stored reason name the same rules. The names are stored and audited as they are; never told to a TPP.
 */
public enum RiskReason {
    /** The TPP reported repeated failed sign-ins of the customer at its side: a sign of an account takeover. */
    TPP_REPORTED_AUTH_FAILURES,
    /** A first large transfer to a payee the customer never paid before. */
    NEW_PAYEE_LARGE_AMOUNT,
    /** An unusual number of transfers in an hour. */
    UNUSUAL_TRANSFER_FREQUENCY,
    /** The TPP's risk headers were malformed. */
    INVALID_RISK_SIGNALS
}
