package jp.kakehashi.authorization;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.kakehashi.authorization.error.AuthorizationErrorCode;
import jp.kakehashi.authorization.fapi.ResourceDpopNonces;
import jp.kakehashi.authorization.fapi.TlsClientCertificates;
import jp.kakehashi.authorization.token.DpopChallenge;
import jp.kakehashi.authorization.token.ResourceDpopProofs;
import jp.kakehashi.authorization.token.StoredAccessTokenDecoder;
import jp.kakehashi.shared.ApiError;
import jp.kakehashi.shared.ApiErrorCode;
import jp.kakehashi.shared.ApiErrorResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;

/**
 * The resource server's chain for the Open API ({@code /v1/**}, B2, B7, B8): the same opaque, stored-hashed access
 * tokens as userinfo, resolved by {@link StoredAccessTokenDecoder} (so a revoked or expired grant, a DPoP-bound token
 * sent as Bearer, or a certificate-bound token without its certificate is refused on the next request), DPoP proofs
 * checked by Spring, and each resource's scope required here. Public information, the API description and its
 * protected resource metadata ({@link ApiProtectedResourceMetadata}, RFC 9728) need no token. Refusals keep Spring's {@code WWW-Authenticate} challenge and add the API's JSON error body.
 * <p>
 * The authenticated token stays in the request attribute where Spring's filters keep it (stateless, no session), so
 * the audit and rate-limit filters around {@code /v1/**} can read who called.
 */
@Configuration(proxyBeanMethods = false)
class ApiResourceServerSecurity {

    // disjoint from the authorization server's endpoints (order 1); before the customer screens' catch-all (2)
    @Bean
    @Order(1)
    SecurityFilterChain apiResourceServerChain(HttpSecurity http, StoredAccessTokenDecoder accessTokens,
            ResourceDpopProofs dpopProofs, ResourceDpopNonces dpopNonces, @Value("${kakehashi.issuer}") String issuer,
            TlsClientCertificates tppCertificates) throws Exception {
        String metadata = ApiProtectedResourceMetadata.url(issuer);
        var bearer = new JsonErrorEntryPoint(bearerChallenge(metadata));
        var dpop = new JsonErrorEntryPoint(new DpopChallenge(metadata));
        AuthenticationEntryPoint byScheme = (request, response, e) -> {
            if (usesDpop(request)) {
                dpop.commence(request, response, e);
            }
            else {
                bearer.commence(request, response, e);
            }
        };
        http.securityMatcher("/v1/**", ApiProtectedResourceMetadata.PATH)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/v1/branches", "/v1/atms", "/v1/openapi.yaml",
                                ApiProtectedResourceMetadata.PATH).permitAll()
                        .requestMatchers(HttpMethod.GET, "/v1/accounts").hasAuthority("SCOPE_accounts")
                        .requestMatchers(HttpMethod.GET, "/v1/accounts/*/balances").hasAuthority("SCOPE_balances")
                        .requestMatchers(HttpMethod.GET, "/v1/accounts/*/transactions")
                        .hasAuthority("SCOPE_transactions")
                        .requestMatchers(HttpMethod.POST, "/v1/transfers/fee", "/v1/transfers")
                        .hasAuthority("SCOPE_transfers")
                        .requestMatchers(HttpMethod.GET, "/v1/transfers", "/v1/transfers/*")
                        .hasAuthority("SCOPE_transfers")
                        // 更新系 (B3, B5): every call under /v1/transfers (cancel included, and any added later)
                        // needs the payment right; reading a transfer is part of the payment API, not a read API
                        .requestMatchers("/v1/transfers", "/v1/transfers/**").hasAuthority("SCOPE_transfers")
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // RFC 9449 §9: nonces for the clients the bank requires them of, after the token and proof verified
                .addFilterBefore(dpopNonces.filter((request, response, e) -> {
                    new DpopChallenge(metadata).commence(request, response, e);
                    writeError(request, response, ApiError.of(ApiErrorCode.INVALID_TOKEN).withDetail(
                            AuthorizationErrorCode.USE_DPOP_NONCE.name(),
                            "DPoP-Nonce ヘッダのナンスを DPoP 証明に含めて送り直してください"
                                    + " (retry with the nonce of the DPoP-Nonce header in the proof)", null));
                }), AuthorizationFilter.class)
                .oauth2ResourceServer(resource -> resource
                        .withObjectPostProcessor(dpopProofs)
                        .jwt(jwt -> jwt.decoder(accessTokens))
                        .protectedResourceMetadata(published -> published.protectedResourceMetadataCustomizer(
                                ApiProtectedResourceMetadata.of(issuer, tppCertificates.bindsTokens())))
                        .authenticationEntryPoint(byScheme)
                        .accessDeniedHandler(ApiResourceServerSecurity::insufficientScope)
                        .dPoP(d -> d.authenticationFailureHandler(new AuthenticationEntryPointFailureHandler(dpop))))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> noToken(request, response, e, metadata))
                        .accessDeniedHandler(ApiResourceServerSecurity::insufficientScope));
        return http.build();
    }

    /**
     * No token at all: both schemes are challenged (RFC 9449 §7.1), so a client learns it may use DPoP, which the
     * bank's tokens require; a header of an unknown scheme gets Spring's Bearer challenge.
     */
    private static void noToken(HttpServletRequest request, HttpServletResponse response, AuthenticationException e,
            String metadata) throws IOException {
        bearerChallenge(metadata).commence(request, response, e);
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            new DpopChallenge(metadata).commence(request, response, e);
        }
        writeError(request, response, ApiError.of(ApiErrorCode.INVALID_TOKEN));
    }

    /**
     * Spring's Bearer challenge, its {@code resource_metadata} (RFC 9728 §5.1) naming the API's metadata: Spring's
     * default names {@code /.well-known/oauth-protected-resource} without the resource's path (§3.1).
     */
    private static BearerTokenAuthenticationEntryPoint bearerChallenge(String metadata) {
        var challenge = new BearerTokenAuthenticationEntryPoint();
        challenge.setResourceMetadataParameterResolver(request -> metadata);
        return challenge;
    }

    /** Spring writes a Bearer challenge; a DPoP caller gets the same challenge in its own scheme. */
    private static void insufficientScope(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.access.AccessDeniedException e) throws IOException {
        new BearerTokenAccessDeniedHandler().handle(request, response, e);
        String challenge = response.getHeader(HttpHeaders.WWW_AUTHENTICATE);
        if (usesDpop(request) && challenge != null && challenge.startsWith("Bearer")) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "DPoP" + challenge.substring("Bearer".length()));
        }
        writeError(request, response, ApiError.of(ApiErrorCode.INSUFFICIENT_SCOPE));
    }

    private static boolean usesDpop(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "DPoP ", 0, 5);
    }

    /** The API's error body with the status Spring's challenge set (400 for a malformed request, RFC 6750 §3.1). */
    private static void writeError(HttpServletRequest request, HttpServletResponse response, ApiError error)
            throws IOException {
        ApiErrorResponses.write(request, response, error.withStatus(response.getStatus()));
    }

    /** Lets Spring's entry point set the status and the challenge, then writes the API's error body. */
    private record JsonErrorEntryPoint(AuthenticationEntryPoint challenge) implements AuthenticationEntryPoint {

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException, jakarta.servlet.ServletException {
            challenge.commence(request, response, e);
            writeError(request, response, ApiError.of(ApiErrorCode.INVALID_TOKEN));
        }
    }
}
