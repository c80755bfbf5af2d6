package jp.kakehashi.shared;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who calls the {@code /v1} API (B2, B3, D1), as the authorization module read it from the access token the resource
 * server accepted: the customer the token is for, the TPP and its client, the grant the token hangs from, the
 * scopes, and whether the customer signed in with a second factor. Modules that serve the API take this value (a
 * controller parameter) instead of reading token claims by name.
 *
 * @param customer     the customer (the token's subject); null for a token of no customer
 * @param tpp          the TPP that owns the client; null if the registry does not know the client
 * @param client       the client the token was issued to
 * @param grant        the grant the token hangs from; null for a token of no grant
 * @param scopes       the scopes of the token
 * @param secondFactor whether the customer signed in with a second factor (acr, B3)
 * @param tokenId      identifies the presented token (its {@code jti}, else its issue time), e.g. to remember per
 *                     token what it allows
 */
public record ApiCaller(@Nullable CustomerId customer, @Nullable TppId tpp, @Nullable ClientId client,
        @Nullable GrantId grant, Set<String> scopes, boolean secondFactor, String tokenId) {

    public ApiCaller {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** The customer's id as stored, or null. */
    public @Nullable String customerId() {
        return customer == null ? null : customer.value();
    }

    /** The client's id as stored, or null. */
    public @Nullable String clientId() {
        return client == null ? null : client.value();
    }

    /** The grant's id as stored, or null. */
    public @Nullable String grantId() {
        return grant == null ? null : grant.value();
    }

    /** The TPP's id as stored, or null. */
    public @Nullable String tppId() {
        return tpp == null ? null : tpp.value();
    }
}
