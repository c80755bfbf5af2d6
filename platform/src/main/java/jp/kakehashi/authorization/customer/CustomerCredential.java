package jp.kakehashi.authorization.customer;

import java.time.Instant;

/**
 * A customer's sign-in data at the bank: login id, password hash, optional TOTP secret, and the lockout state.
 *
 * @param customerId     the customer id (token {@code sub})
 * @param loginId        what the customer types
 * @param displayName    the name shown on screens
 * @param segment        INDIVIDUAL or CORPORATE (B3)
 * @param passwordHash   a DelegatingPasswordEncoder hash
 * @param totpSecret     base32 TOTP secret, or null when the customer has no second factor
 * @param failedAttempts consecutive failed sign-ins
 * @param lockedUntil    when a lockout ends, or null
 */
public record CustomerCredential(String customerId, String loginId, String displayName, String segment,
        String passwordHash, String totpSecret, int failedAttempts, Instant lockedUntil) {

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
