package jp.kakehashi.tpp;

import java.util.List;
import java.util.Set;

/**
 * An OAuth client of a TPP, as the bank registered it. FAPI 2.0 allows only confidential clients that authenticate
 * with {@code private_key_jwt} or mutual TLS, and only sender-constrained tokens (DPoP or mTLS).
 *
 * @param clientId                the OAuth client_id
 * @param tppId                   the owning TPP
 * @param clientName              a name for staff and logs
 * @param redirectUris            exact redirect URIs (no patterns)
 * @param jwks                    the client's public JWK set, by value (JSON), or null
 * @param jwksUri                 where the client publishes its JWK set, or null
 * @param authMethod              how it authenticates at the token, PAR, revocation and introspection endpoints
 * @param tlsClientAuthSubjectDn  the certificate subject for {@code tls_client_auth}, or null
 * @param senderConstraint        how its access tokens are bound to it
 * @param dpopNonceRequired       whether its DPoP proofs must carry a nonce the server issued (RFC 9449 §8)
 * @param messageSigning          what it registered for FAPI 2.0 Message Signing
 * @param scopes                  the scopes it registered (RFC 7591 §2), a subset of its TPP's approved scopes and
 *                                {@code openid}; null for the TPP's approved scopes and {@code openid}, whatever the
 *                                bank approves over time
 */
public record TppClient(String clientId, String tppId, String clientName, List<String> redirectUris, String jwks,
        String jwksUri, AuthMethod authMethod, String tlsClientAuthSubjectDn, SenderConstraint senderConstraint,
        boolean dpopNonceRequired, ClientMessageSigning messageSigning, Set<String> scopes) {

    public TppClient {
        redirectUris = List.copyOf(redirectUris);
        messageSigning = messageSigning == null ? ClientMessageSigning.NONE : messageSigning;
        scopes = scopes == null ? null : Set.copyOf(scopes);
    }

    /** A client that may use all of its TPP's approved scopes. */
    public TppClient(String clientId, String tppId, String clientName, List<String> redirectUris, String jwks,
            String jwksUri, AuthMethod authMethod, String tlsClientAuthSubjectDn, SenderConstraint senderConstraint,
            boolean dpopNonceRequired, ClientMessageSigning messageSigning) {
        this(clientId, tppId, clientName, redirectUris, jwks, jwksUri, authMethod, tlsClientAuthSubjectDn,
                senderConstraint, dpopNonceRequired, messageSigning, null);
    }

    /** A client that uses none of Message Signing. */
    public TppClient(String clientId, String tppId, String clientName, List<String> redirectUris, String jwks,
            String jwksUri, AuthMethod authMethod, String tlsClientAuthSubjectDn, SenderConstraint senderConstraint,
            boolean dpopNonceRequired) {
        this(clientId, tppId, clientName, redirectUris, jwks, jwksUri, authMethod, tlsClientAuthSubjectDn,
                senderConstraint, dpopNonceRequired, ClientMessageSigning.NONE);
    }

    /** A client without a DPoP nonce requirement. */
    public TppClient(String clientId, String tppId, String clientName, List<String> redirectUris, String jwks,
            String jwksUri, AuthMethod authMethod, String tlsClientAuthSubjectDn, SenderConstraint senderConstraint) {
        this(clientId, tppId, clientName, redirectUris, jwks, jwksUri, authMethod, tlsClientAuthSubjectDn,
                senderConstraint, false);
    }

    /** Client authentication methods FAPI 2.0 §5.3.2.1 allows. */
    public enum AuthMethod {
        PRIVATE_KEY_JWT("private_key_jwt"), TLS_CLIENT_AUTH("tls_client_auth");

        private final String value;

        AuthMethod(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public static AuthMethod of(String value) {
            for (AuthMethod method : values()) {
                if (method.value.equals(value)) {
                    return method;
                }
            }
            throw new IllegalArgumentException("unsupported client authentication method " + value);
        }
    }

    /** How access tokens are bound to the client (FAPI 2.0 §5.3.2.1, B7). */
    public enum SenderConstraint {
        DPOP, MTLS
    }
}
