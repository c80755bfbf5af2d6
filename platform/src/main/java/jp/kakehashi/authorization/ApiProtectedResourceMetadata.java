package jp.kakehashi.authorization;

import java.util.List;
import java.util.function.Consumer;
import jp.kakehashi.authorization.token.ResourceDpopProofs;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;

/**
 * The protected resource metadata of the banking API (RFC 9728), which the API's 401 challenges point at in
 * {@code resource_metadata} (§5.1). The resource is the {@code /v1} base URL, so its metadata lives at
 * {@code /.well-known/oauth-protected-resource/v1}: §3.1 inserts the well-known segment between the host and the
 * resource's path. It says what the API enforces: this issuer's tokens, in the {@code Authorization} header only, with
 * DPoP proofs signed with exactly the algorithms {@link ResourceDpopProofs} accepts, and certificate-bound tokens where
 * the bank trusts TPP certificates (mTLS, RFC 8705); DPoP is then not the only way to bind a token, so it is required
 * only where mTLS is not offered.
 */
final class ApiProtectedResourceMetadata {

    /** The metadata's path: the well-known segment, then the resource's path (RFC 9728 §3.1). */
    static final String PATH = "/.well-known/oauth-protected-resource/v1";
    /** The scopes of the {@code /v1} resources (OpenID's {@code openid} is the authorization server's). */
    static final List<String> SCOPES = List.of("accounts", "balances", "transactions", "transfers");

    private ApiProtectedResourceMetadata() {
    }

    static String url(String issuer) {
        return issuer + PATH;
    }

    static Consumer<OAuth2ProtectedResourceMetadata.Builder> of(String issuer, boolean mutualTls) {
        return metadata -> metadata.resource(issuer + "/v1")
                .authorizationServers(servers -> {
                    servers.clear();
                    servers.add(issuer);
                })
                .scopes(scopes -> {
                    scopes.clear();
                    scopes.addAll(SCOPES);
                })
                .bearerMethods(methods -> {
                    methods.clear();
                    methods.add("header");
                })
                .tlsClientCertificateBoundAccessTokens(mutualTls)
                .claim("dpop_signing_alg_values_supported", ResourceDpopProofs.ALGORITHMS)
                .claim("dpop_bound_access_tokens_required", !mutualTls);
    }
}
