package jp.kakehashi.authorization;

import jp.kakehashi.authorization.fapi.ClientAuthenticationRequired;
import jp.kakehashi.authorization.fapi.DpopNonces;
import jp.kakehashi.authorization.fapi.FapiEndpoints;
import jp.kakehashi.authorization.fapi.ResourceDpopNonces;
import jp.kakehashi.authorization.store.RefreshTokenRevocations;
import jp.kakehashi.authorization.token.BearerChallenge;
import jp.kakehashi.authorization.token.DpopChallenge;
import jp.kakehashi.authorization.token.ResourceDpopProofs;
import jp.kakehashi.authorization.token.StoredAccessTokenDecoder;
import jp.kakehashi.authorization.keys.SigningKeys;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jp.kakehashi.authorization.web.StepUpRequired;
import org.springframework.beans.factory.annotation.Value;
import jp.kakehashi.authorization.fapi.ClientRequestLimit;
import jp.kakehashi.tpp.OAuthClientLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The authorization server's filter chain: Spring's authorization server with the FAPI 2.0 extensions of
 * {@link FapiEndpoints}, and the resource-server side of its own userinfo endpoint (opaque, DPoP-bound tokens).
 * Customers who are not signed in are sent to the bank's sign-in page; the customer screens have their own chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class AuthorizationServerSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, FapiEndpoints fapi,
            StoredAccessTokenDecoder accessTokens, StepUpRequired stepUp, DpopNonces dpopNonces,
            RefreshTokenRevocations revocations, ResourceDpopProofs dpopProofs, OAuthClientLimits clientLimits,
            ResourceDpopNonces resourceDpopNonces) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            fapi.configure(server);
            server.tokenRevocationEndpoint(revocation -> revocation.authenticationProviders(revocations::wrap));
            http.securityMatcher(server.getEndpointsMatcher());
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .addFilterBefore(stepUp, AbstractPreAuthenticatedProcessingFilter.class)
                .addFilterBefore(dpopNonces, AbstractPreAuthenticatedProcessingFilter.class)
                // F4: after client authentication, before the endpoint filters Spring places after AuthorizationFilter
                .addFilterBefore(new ClientRequestLimit(clientLimits), AuthorizationFilter.class)
                // userinfo (RFC 9449 §9): nonces for the clients the bank requires them of, after the proof verified
                .addFilterBefore(resourceDpopNonces.filter(new DpopChallenge()), AuthorizationFilter.class)
                .oauth2ResourceServer(resource -> resource
                        .withObjectPostProcessor(dpopProofs)
                        .jwt(jwt -> jwt.decoder(accessTokens))
                        // userinfo publishes no protected resource metadata: its challenges name none
                        .authenticationEntryPoint(AuthorizationServerSecurity::userInfoChallenge)
                        // the challenge names only the algorithms accepted (RFC 9449 §7.1), not Spring's nine
                        .dPoP(dpop -> dpop.authenticationFailureHandler(
                                new AuthenticationEntryPointFailureHandler(new DpopChallenge()))))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), browsers())
                        .defaultAuthenticationEntryPointFor(ClientAuthenticationRequired::commence,
                                ClientAuthenticationRequired.ENDPOINTS));
        return http.build();
    }

    /**
     * A 401 of userinfo (and of any endpoint of this chain an API client calls unauthenticated): the Bearer challenge
     * without {@code resource_metadata} ({@link BearerChallenge}), and without any token a DPoP challenge as well
     * (RFC 9449 §7.1), as at the {@code /v1} API.
     */
    private static void userInfoChallenge(jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e) {
        new BearerChallenge().commence(request, response, e);
        if (request.getHeader(org.springframework.http.HttpHeaders.AUTHORIZATION) == null) {
            new DpopChallenge().commence(request, response, e);
        }
    }

    /** Only a browser (asking for HTML, not for anything) is sent to the sign-in page; API clients get a 401. */
    private static MediaTypeRequestMatcher browsers() {
        var matcher = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        matcher.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        return matcher;
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${kakehashi.issuer}") String issuer) {
        return AuthorizationServerSettings.builder().issuer(issuer).build();
    }

    /** The JWK set published at the JWKS endpoint and used to sign ID tokens. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return keys.source();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

}
