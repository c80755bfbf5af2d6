package jp.kakehashi.tpp.registration;

import java.util.List;
import jp.kakehashi.tpp.ClientMessageSigning;

/** Why client metadata cannot be registered, as RFC 7591 §3.2.2 error codes with a readable description. */
record RegistrationProblem(RegistrationErrorCode code, String description) {

    static RegistrationProblem of(ClientMetadata metadata) {
        List<String> redirects = metadata.redirectUris();
        if (redirects == null || redirects.isEmpty()) {
            return new RegistrationProblem(RegistrationErrorCode.INVALID_REDIRECT_URI, "redirect_uris is required");
        }
        for (String uri : redirects) {
            if (uri == null || !ClientRegistrationController.isHttpsUri(uri)) {
                return new RegistrationProblem(RegistrationErrorCode.INVALID_REDIRECT_URI, "redirect URIs must be absolute https URIs without fragment: " + uri);
            }
        }
        String method = metadata.tokenEndpointAuthMethod() == null ? "private_key_jwt" : metadata.tokenEndpointAuthMethod();
        if (!method.equals("private_key_jwt") && !method.equals("tls_client_auth")) {
            return invalid("token_endpoint_auth_method must be private_key_jwt or tls_client_auth (FAPI 2.0)");
        }
        if (method.equals("private_key_jwt")) {
            if ((metadata.jwks() == null) == (metadata.jwksUri() == null)) {
                return invalid("private_key_jwt needs exactly one of jwks and jwks_uri");
            }
            if (metadata.jwksUri() != null && !ClientRegistrationController.isHttpsUri(metadata.jwksUri())) {
                return invalid("jwks_uri must be an https URI");
            }
            if (metadata.jwks() != null) {
                var keys = ClientRegistrationController.jwks(metadata.jwks()).getKeys();
                if (keys.isEmpty() || !keys.stream().allMatch(ClientRegistrationController::isAllowedKey)) {
                    return invalid("jwks must hold public EC P-256, RSA (2048 bits or more) or Ed25519 keys only");
                }
            }
        }
        if (method.equals("tls_client_auth") && (metadata.tlsClientAuthSubjectDn() == null
                || metadata.tlsClientAuthSubjectDn().isBlank())) {
            return invalid("tls_client_auth needs tls_client_auth_subject_dn");
        }
        if (Boolean.TRUE.equals(metadata.dpopBoundAccessTokens())
                && Boolean.TRUE.equals(metadata.tlsClientCertificateBoundAccessTokens())) {
            return invalid("choose one sender constraint: DPoP or mTLS-bound access tokens");
        }
        if (Boolean.FALSE.equals(metadata.dpopBoundAccessTokens())
                && !Boolean.TRUE.equals(metadata.tlsClientCertificateBoundAccessTokens())) {
            return invalid("access tokens must be sender-constrained (FAPI 2.0): DPoP or mTLS");
        }
        if (Boolean.TRUE.equals(metadata.dpopNonceRequired())
                && Boolean.TRUE.equals(metadata.tlsClientCertificateBoundAccessTokens())) {
            return invalid(ClientMetadata.DPOP_NONCE_REQUIRED + " needs DPoP-bound access tokens (RFC 9449 §8, §9)");
        }
        if (metadata.grantTypes() != null && !ClientRegistrationController.grantTypes().containsAll(metadata.grantTypes())) {
            return invalid("grant_types may only be authorization_code and refresh_token");
        }
        if (metadata.responseTypes() != null && !List.of("code").containsAll(metadata.responseTypes())) {
            return invalid("response_types may only be code");
        }
        return messageSigningProblem(metadata);
    }

    /** FAPI 2.0 Message Signing: only the algorithms the bank verifies (request objects) or signs with (responses). */
    private static RegistrationProblem messageSigningProblem(ClientMetadata metadata) {
        String requestAlg = metadata.requestObjectSigningAlg();
        if (requestAlg != null && !ClientMessageSigning.REQUEST_OBJECT_ALGORITHMS.contains(requestAlg)) {
            return invalid("request_object_signing_alg must be one of "
                    + new java.util.TreeSet<>(ClientMessageSigning.REQUEST_OBJECT_ALGORITHMS));
        }
        if ((requestAlg != null || Boolean.TRUE.equals(metadata.requireSignedRequestObject()))
                && !"private_key_jwt".equals(metadata.tokenEndpointAuthMethod() == null ? "private_key_jwt"
                        : metadata.tokenEndpointAuthMethod())) {
            // request objects are verified with the keys of jwks or jwks_uri, which only private_key_jwt requires
            return invalid("signed request objects need the keys a private_key_jwt client registers");
        }
        for (String responseAlg : new String[] {metadata.authorizationSignedResponseAlg(),
                metadata.introspectionSignedResponseAlg()}) {
            if (responseAlg != null && !ClientMessageSigning.RESPONSE_ALGORITHMS.contains(responseAlg)) {
                return invalid("authorization_signed_response_alg and introspection_signed_response_alg must be one of "
                        + new java.util.TreeSet<>(ClientMessageSigning.RESPONSE_ALGORITHMS));
            }
        }
        return null;
    }

    private static RegistrationProblem invalid(String description) {
        return new RegistrationProblem(RegistrationErrorCode.INVALID_CLIENT_METADATA, description);
    }
}
