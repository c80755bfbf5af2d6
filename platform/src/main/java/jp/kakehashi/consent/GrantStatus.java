package jp.kakehashi.consent;

/** Where a grant is in its life; only {@code ACTIVE} grants authorise anything. */
public enum GrantStatus {
    PENDING, ACTIVE, REVOKED, EXPIRED
}
