package jp.kakehashi.tpp.registration;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The client metadata a TPP sends to register (RFC 7591 §2, RFC 8705 §2.1.2, RFC 9449 §5.2). Unknown members are
 * ignored, as RFC 7591 asks.
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
        @JsonProperty("tls_client_certificate_bound_access_tokens") Boolean tlsClientCertificateBoundAccessTokens) {
}
