package jp.kakehashi.authorization.replay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

/**
 * One-time identifiers already seen (client assertion and DPoP proof {@code jti}s), shared by all nodes so that a
 * replay to another node behind the load balancer is caught too (FAPI 2.0 §5.3.2.1, RFC 9449 §11.1, B7). Every
 * endpoint that takes such a JWT records it here: the token, PAR, revocation and introspection endpoints for client
 * assertions; the token endpoint, userinfo and every {@code /v1} call for DPoP proofs. The platform's store is
 * {@link PostgresSeenJtis}.
 */
public interface SeenJtis {

    /**
     * Records a use of {@code jti} within {@code scope}; false if it was seen before (a replay).
     *
     * @param kind      the namespace
     * @param scope     whose jti it is: the client id for an assertion, the key thumbprint for a DPoP proof
     * @param jti       the JWT's {@code jti} (or a digest of it), as the client sent it
     * @param keepUntil until when the JWT could be accepted, after which a replay fails on its own
     */
    boolean firstUse(JtiKind kind, String scope, String jti, Instant keepUntil);

    /** Base64url SHA-256 of {@code value}, as Spring's DPoP replay check hashes jtis. */
    static String digest(String value) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
