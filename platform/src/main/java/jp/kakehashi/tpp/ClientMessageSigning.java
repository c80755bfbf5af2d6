package jp.kakehashi.tpp;

import java.util.Set;

/**
 * What a client registered for FAPI 2.0 Message Signing (B1, B9): whether its authorization requests must come as
 * signed request objects, and the JWS algorithms of its request objects and of the responses the bank signs for it.
 * A null algorithm means the client registered none (the bank's default applies, or, for request objects, any of
 * {@link #REQUEST_OBJECT_ALGORITHMS}).
 *
 * @param requireSignedRequestObject     RFC 9101 §10.5 {@code require_signed_request_object}: plain parameters at PAR
 *                                       are refused
 * @param requestObjectSigningAlg        OIDC Dynamic Client Registration §2 {@code request_object_signing_alg}; a
 *                                       client that registered it may send signed request objects, signed with it
 * @param authorizationSignedResponseAlg JARM §3 {@code authorization_signed_response_alg}; a client that registered
 *                                       it must ask for JWT-secured authorization responses
 * @param introspectionSignedResponseAlg RFC 9701 §6 {@code introspection_signed_response_alg}
 */
public record ClientMessageSigning(boolean requireSignedRequestObject, String requestObjectSigningAlg,
        String authorizationSignedResponseAlg, String introspectionSignedResponseAlg) {

    /** The signatures the bank verifies on request objects: those FAPI 2.0 §5.4.1 allows. */
    public static final Set<String> REQUEST_OBJECT_ALGORITHMS = Set.of("PS256", "ES256", "EdDSA");

    /** The signatures the bank makes on authorization and introspection responses, with its ES256 key. */
    public static final Set<String> RESPONSE_ALGORITHMS = Set.of("ES256");

    /** A client that uses none of Message Signing. */
    public static final ClientMessageSigning NONE = new ClientMessageSigning(false, null, null, null);

    public ClientMessageSigning {
        if (requestObjectSigningAlg != null && !REQUEST_OBJECT_ALGORITHMS.contains(requestObjectSigningAlg)) {
            throw new IllegalArgumentException("unsupported request_object_signing_alg " + requestObjectSigningAlg);
        }
        for (String alg : new String[] {authorizationSignedResponseAlg, introspectionSignedResponseAlg}) {
            if (alg != null && !RESPONSE_ALGORITHMS.contains(alg)) {
                throw new IllegalArgumentException("unsupported response signing algorithm " + alg);
            }
        }
    }

    /** Whether the client may send signed request objects: it registered an algorithm for them or requires them. */
    public boolean acceptsSignedRequestObjects() {
        return requireSignedRequestObject || requestObjectSigningAlg != null;
    }
}
