package jp.kakehashi.tpp;

/**
 * Where a TPP is in its lifecycle (A1, A6): {@code APPLIED → SCREENING → APPROVED → ACTIVE ⇄ RESTRICTED / SUSPENDED →
 * REVOKED}, or {@code REJECTED} after screening. Only {@link #ACTIVE} and {@link #RESTRICTED} TPPs can connect.
 */
public enum TppStatus {
    /** The TPP applied on the portal; nobody has looked yet. */
    APPLIED,
    /** A reviewer is screening the application (審査). */
    SCREENING,
    /** Screening approved by a second person; not yet connected. */
    APPROVED,
    /** Screening ended with a refusal. */
    REJECTED,
    /** Connected with all approved scopes. */
    ACTIVE,
    /** Connected, with some approved scopes taken away. */
    RESTRICTED,
    /** Cut off for now, by the bank or at the TPP's own request; tokens fail, grants and data are kept. */
    SUSPENDED,
    /** Cut off for good: every grant is revoked; data is kept for audit. */
    REVOKED;

    /**
     * Whether the bank screened and admitted the TPP and has not cut it off for good: approved, connected, restricted
     * or suspended. Only such a TPP may report incidents, register endpoints and chained parties on the portal.
     */
    public boolean screened() {
        return this == APPROVED || this == ACTIVE || this == RESTRICTED || this == SUSPENDED;
    }
}
