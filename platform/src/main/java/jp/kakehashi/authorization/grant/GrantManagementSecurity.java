package jp.kakehashi.authorization.grant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.kakehashi.authorization.fapi.ResourceDpopNonces;
import jp.kakehashi.authorization.token.BearerChallenge;
import jp.kakehashi.authorization.token.DpopChallenge;
import jp.kakehashi.authorization.token.ResourceDpopProofs;
import jp.kakehashi.authorization.token.StoredAccessTokenDecoder;
import jp.kakehashi.shared.ErrorResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;

/**
 * The grant management endpoint's chain (Grant Management §6.1, §6.6): the same opaque, stored-hashed and
 * sender-constrained access tokens as the banking API (DPoP or mTLS, B7), so a revoked grant's or TPP's token is
 * refused at once (B8); {@code GET} needs the scope {@code grant_management_query}, {@code DELETE} the scope
 * {@code grant_management_revoke}. No token or a bad one is 401 {@code invalid_token}, a token without the scope 403
 * {@code insufficient_scope}, each with the challenge of the scheme the client used. The endpoint publishes no protected
 * resource metadata, so its challenges name none ({@link BearerChallenge}).
 */
@Configuration(proxyBeanMethods = false)
class GrantManagementSecurity {

    static final String QUERY_SCOPE = "grant_management_query";
    static final String REVOKE_SCOPE = "grant_management_revoke";

    // disjoint from the other chains' paths; before the customer screens' catch-all (order 2)
    @Bean
    @Order(1)
    SecurityFilterChain grantManagementChain(HttpSecurity http, StoredAccessTokenDecoder accessTokens,
            ResourceDpopProofs dpopProofs, ResourceDpopNonces dpopNonces) throws Exception {
        var dpop = new DpopChallenge();
        AuthenticationEntryPoint byScheme = (request, response, e) -> {
            if (usesDpop(request)) {
                dpop.commence(request, response, e);
            }
            else {
                new BearerChallenge().commence(request, response, e);
            }
            ErrorResponses.writeOauth(request, response, OAuth2ErrorCodes.INVALID_TOKEN,
                    "a valid access token is required");
        };
        http.securityMatcher(GrantManagementEndpoint.PATH + "/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, GrantManagementEndpoint.PATH + "/*")
                        .hasAuthority("SCOPE_" + QUERY_SCOPE)
                        .requestMatchers(HttpMethod.DELETE, GrantManagementEndpoint.PATH + "/*")
                        .hasAuthority("SCOPE_" + REVOKE_SCOPE)
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // RFC 9449 §9: nonces for the clients the bank requires them of, after the token and proof verified
                .addFilterBefore(dpopNonces.filter(GrantManagementSecurity::useDpopNonce), AuthorizationFilter.class)
                .oauth2ResourceServer(resource -> resource
                        .withObjectPostProcessor(dpopProofs)
                        .jwt(jwt -> jwt.decoder(accessTokens))
                        .authenticationEntryPoint(byScheme)
                        .accessDeniedHandler(GrantManagementSecurity::insufficientScope)
                        .dPoP(d -> d.authenticationFailureHandler(new AuthenticationEntryPointFailureHandler(byScheme))))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(GrantManagementSecurity::noToken)
                        .accessDeniedHandler(GrantManagementSecurity::insufficientScope));
        return http.build();
    }

    /** RFC 9449 §9: the DPoP challenge and the body name the nonce refusal, so a client does not drop its token. */
    private static void useDpopNonce(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        new DpopChallenge().commence(request, response, e);
        var error = ((org.springframework.security.oauth2.core.OAuth2AuthenticationException) e).getError();
        ErrorResponses.writeOauth(request, response, error.getErrorCode(), error.getDescription());
    }

    /** No token at all: both schemes are challenged (RFC 9449 §7.1). */
    private static void noToken(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        new BearerChallenge().commence(request, response, e);
        new DpopChallenge().commence(request, response, e);
        ErrorResponses.writeOauth(request, response, OAuth2ErrorCodes.INVALID_TOKEN, "an access token is required");
    }

    private static void insufficientScope(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException e) throws IOException {
        new BearerTokenAccessDeniedHandler().handle(request, response, e);
        String challenge = response.getHeader(HttpHeaders.WWW_AUTHENTICATE);
        if (usesDpop(request) && challenge != null && challenge.startsWith("Bearer")) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "DPoP" + challenge.substring("Bearer".length()));
        }
        ErrorResponses.writeOauth(request, response, OAuth2ErrorCodes.INSUFFICIENT_SCOPE,
                "the access token does not carry the scope of this grant management request");
    }

    private static boolean usesDpop(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "DPoP ", 0, 5);
    }
}
