package jp.kakehashi.tpp;

import java.util.Optional;

/**
 * The cluster-wide limit of each OAuth client's requests at the authorization server's endpoints that authenticate
 * clients (token, PAR, introspection, revocation; F4), kept in the TPP registry's shared token buckets.
 */
public interface OAuthClientLimits {

    /** Counts a request of {@code clientId}; empty when allowed, else the nanoseconds until it would be. */
    Optional<Long> takeForClient(String clientId);
}
