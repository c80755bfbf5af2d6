package jp.kakehashi.consent;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a customer allowed a TPP (B2, D1): the rights (scopes), the accounts, and the maximum lifetime, which no
 * token refresh can extend (B6).
 *
 * @param id         the grant id, equal to the id of the OAuth authorization its tokens belong to
 * @param customerId the customer (利用者)
 * @param tppId      the TPP
 * @param clientId   the TPP's client that asked
 * @param scopes     the rights granted
 * @param accountIds the accounts the customer chose
 * @param status     pending until the TPP first redeems its code
 * @param createdAt  when the customer agreed
 * @param expiresAt  the end of the grant and of every token under it
 * @param lastUsedAt when a token of it was last used, or null
 * @param revokedAt  when it was revoked, or null
 */
public record Grant(String id, String customerId, String tppId, String clientId, Set<String> scopes,
        List<String> accountIds, GrantStatus status, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
        Instant revokedAt) {

    public Grant {
        scopes = Set.copyOf(scopes);
        accountIds = List.copyOf(accountIds);
    }

    /** Whether tokens of this grant may be used at {@code now}. */
    public boolean isUsableAt(Instant now) {
        return status == GrantStatus.ACTIVE && now.isBefore(expiresAt);
    }
}
