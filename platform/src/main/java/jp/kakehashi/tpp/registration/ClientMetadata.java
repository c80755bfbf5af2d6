package jp.kakehashi.tpp.registration;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The client metadata a TPP sends to register (RFC 7591 §2, RFC 8705 §2.1.2, RFC 9449 §5.2; for FAPI 2.0 Message
 * Signing RFC 9101 §10.5, OIDC Dynamic Client Registration §2, JARM §3 and RFC 9701 §6). Unknown members are
 * ignored, as RFC 7591 asks.
 * <p>
 * One extension of the bank's (RFC 7591 §2 allows extensions; no RFC, OpenID or FAPI specification names one for this):
 * {@code dpop_nonce_required}, a boolean, {@code true} for a client whose DPoP proofs must carry a nonce the server
 * issued at PAR, the token endpoint and the resources (RFC 9449 §8, §9); default {@code false}. It needs DPoP-bound
 * access tokens.
 */
record ClientMetadata(
        @JsonProperty("redirect_uris") List<String> redirectUris,
        @JsonProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
        @JsonProperty("grant_types") List<String> grantTypes,
        @JsonProperty("response_types") List<String> responseTypes,
        @JsonProperty("client_name") String clientName,
        @JsonProperty("scope") String scope,
        @JsonProperty("jwks") Map<String, Object> jwks,
        @JsonProperty("jwks_uri") String jwksUri,
        @JsonProperty("tls_client_auth_subject_dn") String tlsClientAuthSubjectDn,
        @JsonProperty("dpop_bound_access_tokens") Boolean dpopBoundAccessTokens,
        @JsonProperty("tls_client_certificate_bound_access_tokens") Boolean tlsClientCertificateBoundAccessTokens,
        @JsonProperty(DPOP_NONCE_REQUIRED) Boolean dpopNonceRequired,
        @JsonProperty("require_signed_request_object") Boolean requireSignedRequestObject,
        @JsonProperty("request_object_signing_alg") String requestObjectSigningAlg,
        @JsonProperty("authorization_signed_response_alg") String authorizationSignedResponseAlg,
        @JsonProperty("introspection_signed_response_alg") String introspectionSignedResponseAlg) {

    /** The bank's extension member (see above), in requests and in the registration response. */
    static final String DPOP_NONCE_REQUIRED = "dpop_nonce_required";

    /** What the client asks for of FAPI 2.0 Message Signing; checked by {@link RegistrationProblem} first. */
    jp.kakehashi.tpp.ClientMessageSigning messageSigning() {
        return new jp.kakehashi.tpp.ClientMessageSigning(Boolean.TRUE.equals(requireSignedRequestObject),
                requestObjectSigningAlg, authorizationSignedResponseAlg, introspectionSignedResponseAlg);
    }
}
