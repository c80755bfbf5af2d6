package jp.kakehashi.authorization.customer;

import java.time.Instant;

/**
 * A customer's sign-in data at the bank: login id, password hash, whether a TOTP seed is registered (the seed itself
 * opens only when a code is checked, {@link CustomerCredentials#matchingTotpStep}), and the lockout state.
 *
 * @param customerId     the customer id (token {@code sub})
 * @param loginId        what the customer types
 * @param displayName    the name shown on screens
 * @param segment        INDIVIDUAL or CORPORATE (B3)
 * @param passwordHash   a DelegatingPasswordEncoder hash
 * @param hasTotp        whether the customer has a TOTP second factor
 * @param failedAttempts consecutive failed sign-ins
 * @param lockedUntil    when a lockout ends, or null
 */
public record CustomerCredential(String customerId, String loginId, String displayName, String segment,
        String passwordHash, boolean hasTotp, int failedAttempts, Instant lockedUntil) {

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
