package jp.kakehashi.authorization.fapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Discovery (RFC 8414) names only what is enforced (FAPI 2.0 §5.3.2.1, §5.4.1): {@code private_key_jwt}, and
 * {@code tls_client_auth} with certificate-bound tokens only when a TPP CA is trusted (RFC 8705 §3.3); PAR required
 * (RFC 9126 §5); {@code iss} in responses (RFC 9207 §3); the DPoP algorithms every endpoint accepts.
 */
class FapiMetadataTests {

    @Test
    void applyWhenNoTppCaIsTrustedThenOnlyPrivateKeyJwtAndNoCertificateBoundTokens() {
        Map<String, Object> claims = springDefaults();

        FapiMetadata.apply(claims, false);

        assertThat(claims).containsEntry("token_endpoint_auth_methods_supported", List.of("private_key_jwt"))
                .containsEntry("introspection_endpoint_auth_methods_supported", List.of("private_key_jwt"))
                .containsEntry("revocation_endpoint_auth_methods_supported", List.of("private_key_jwt"))
                .containsEntry("tls_client_certificate_bound_access_tokens", false);
    }

    @Test
    void applyWhenATppCaIsTrustedThenTlsClientAuthAndCertificateBoundTokens() {
        Map<String, Object> claims = springDefaults();

        FapiMetadata.apply(claims, true);

        assertThat(claims)
                .containsEntry("token_endpoint_auth_methods_supported", List.of("private_key_jwt", "tls_client_auth"))
                .containsEntry("revocation_endpoint_auth_methods_supported", List.of("private_key_jwt", "tls_client_auth"))
                .containsEntry("tls_client_certificate_bound_access_tokens", true);
    }

    @Test
    void applyThenFapiRequirementsAreAdvertised() {
        Map<String, Object> claims = springDefaults();

        FapiMetadata.apply(claims, false);

        assertThat(claims).containsEntry("require_pushed_authorization_requests", true)
                .containsEntry("authorization_response_iss_parameter_supported", true)
                .containsEntry("response_types_supported", List.of("code"))
                .containsEntry("code_challenge_methods_supported", List.of("S256"))
                .containsEntry("grant_types_supported", List.of("authorization_code", "refresh_token"))
                .containsEntry("dpop_signing_alg_values_supported", List.of("ES256", "PS256"))
                .containsEntry("token_endpoint_auth_signing_alg_values_supported", List.of("PS256", "ES256", "EdDSA"))
                .containsEntry("id_token_signing_alg_values_supported", List.of("ES256"))
                .containsEntry("claims_parameter_supported", false);
    }

    @Test
    void applyWhenSpringDoesNotAdvertiseAnEndpointThenItIsNotAdded() {
        Map<String, Object> claims = new HashMap<>();

        FapiMetadata.apply(claims, true);

        assertThat(claims).doesNotContainKeys("introspection_endpoint_auth_methods_supported",
                "revocation_endpoint_auth_methods_supported", "id_token_signing_alg_values_supported");
    }

    /** What Spring's metadata endpoints start from: every method and algorithm it can do. */
    private static Map<String, Object> springDefaults() {
        Map<String, Object> claims = new HashMap<>();
        List<String> all = List.of("client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt",
                "tls_client_auth", "self_signed_tls_client_auth");
        claims.put("token_endpoint_auth_methods_supported", all);
        claims.put("introspection_endpoint_auth_methods_supported", all);
        claims.put("revocation_endpoint_auth_methods_supported", all);
        claims.put("id_token_signing_alg_values_supported", List.of("RS256"));
        claims.put("grant_types_supported", List.of("authorization_code", "client_credentials", "refresh_token",
                "urn:ietf:params:oauth:grant-type:device_code", "urn:ietf:params:oauth:grant-type:token-exchange"));
        return claims;
    }
}
