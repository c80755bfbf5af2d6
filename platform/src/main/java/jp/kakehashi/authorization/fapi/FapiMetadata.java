package jp.kakehashi.authorization.fapi;

import java.util.List;
import java.util.Map;
import jp.kakehashi.authorization.token.ResourceDpopProofs;

/**
 * What the discovery documents (RFC 8414, OIDC Discovery) say about this server, corrected to what it enforces:
 * Spring advertises every method it can do, FAPI 2.0 allows fewer. RFC 9396 §10 metadata lists the one detail type
 * the bank accepts ({@link jp.kakehashi.authorization.rar.TransferDetail}: a single transfer).
 */
final class FapiMetadata {

    private FapiMetadata() {
    }

    /**
     * @param mutualTls whether the bank trusts a CA for TPP certificates ({@link TlsClientCertificates#bindsTokens()}):
     *                  without one no client can use {@code tls_client_auth} or get certificate-bound tokens
     *                  (RFC 8705 §3.3), so neither is advertised
     */
    static void apply(Map<String, Object> claims, boolean mutualTls) {
        List<String> authMethods = mutualTls ? List.of("private_key_jwt", "tls_client_auth") : List.of("private_key_jwt");
        claims.put("token_endpoint_auth_methods_supported", authMethods);
        claims.put("token_endpoint_auth_signing_alg_values_supported", List.of("PS256", "ES256", "EdDSA"));
        claims.put("response_types_supported", List.of("code"));
        claims.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        claims.put("code_challenge_methods_supported", List.of("S256"));
        claims.put("require_pushed_authorization_requests", true);
        claims.put("authorization_response_iss_parameter_supported", true);
        // exactly what every endpoint taking proofs accepts (PAR, token, userinfo, /v1), as the challenges say
        claims.put("dpop_signing_alg_values_supported", ResourceDpopProofs.ALGORITHMS);
        claims.put("tls_client_certificate_bound_access_tokens", mutualTls);
        claims.put("scopes_supported", List.of("openid", "accounts", "balances", "transactions", "transfers",
                "grant_management_query", "grant_management_revoke"));
        claims.put("acr_values_supported", List.of("urn:kakehashi:acr:password", "urn:kakehashi:acr:mfa"));
        claims.put("authorization_details_types_supported",
                List.of(jp.kakehashi.authorization.rar.TransferDetail.TYPE));
        claims.put("claims_parameter_supported", false);
        // signed request objects, JARM and signed introspection (FAPI 2.0 Message Signing)
        jp.kakehashi.authorization.signing.MessageSigning.metadata(claims);
        // Grant Management §7.1: the actions of the authorization request and of the grant management endpoint; a
        // request without an action creates a grant
        claims.put("grant_management_actions_supported", List.of("create", "merge", "replace", "query", "revoke"));
        claims.put("grant_management_action_required", false);
        claims.computeIfPresent("id_token_signing_alg_values_supported", (k, v) -> List.of("ES256"));
        claims.computeIfPresent("introspection_endpoint_auth_methods_supported", (k, v) -> authMethods);
        claims.computeIfPresent("revocation_endpoint_auth_methods_supported", (k, v) -> authMethods);
    }
}
