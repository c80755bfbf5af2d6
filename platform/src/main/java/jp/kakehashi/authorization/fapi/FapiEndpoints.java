package jp.kakehashi.authorization.fapi;

import java.time.Clock;
import java.util.List;
import jp.kakehashi.authorization.customer.CustomerUserInfo;
import jp.kakehashi.authorization.grant.GrantIdInTokenResponse;
import jp.kakehashi.authorization.grant.GrantManagementEndpoint;
import jp.kakehashi.authorization.grant.GrantManagementValidator;
import jp.kakehashi.authorization.policy.ScopePolicy;
import jp.kakehashi.authorization.rar.AuthorizationDetailsInTokenResponse;
import jp.kakehashi.authorization.replay.SeenJtis;
import jp.kakehashi.authorization.signing.MessageSigning;
import jp.kakehashi.authorization.store.GrantRefreshes;
import jp.kakehashi.authorization.store.PushedRequestUris;
import jp.kakehashi.authorization.token.ResourceDpopProofs;
import jp.kakehashi.authorization.web.ConsentDecisions;
import jp.kakehashi.consent.Grants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.X509ClientCertificateAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2PushedAuthorizationRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.web.authentication.ClientSecretBasicAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.ClientSecretPostAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.PublicClientAuthenticationConverter;
import org.springframework.stereotype.Component;

/**
 * Turns Spring's authorization server into a FAPI 2.0 one (FAPI 2.0 Security Profile §5.3.2): each Spring provider keeps doing
 * its job, and we chain validators, wrap providers or replace response handlers only where FAPI asks for more.
 */
@Component
public class FapiEndpoints {

    private final String issuer;
    private final ScopePolicy policy;
    private final SeenJtis seenJtis;
    private final Grants grants;
    private final OAuth2AuthorizationService authorizations;
    private final Clock clock;
    private final TlsClientCertificates tlsClientCertificates;
    private final DpopNonces nonces;
    private final ResourceDpopProofs dpopProofs;
    private final PushedRequestUris requestUris;
    private final java.time.Duration requestUriLifetime;
    private final java.util.function.Consumer<OAuth2AuthorizationConsentAuthenticationContext> consentRecorder;
    private final java.util.function.Function<String, OidcUserInfo> userInfo;
    private final MessageSigning messageSigning;
    private final GrantRefreshes refreshes;

    FapiEndpoints(@Value("${kakehashi.issuer}") String issuer,
            TlsClientCertificates tlsClientCertificates, ScopePolicy policy,
            SeenJtis seenJtis, Grants grants, OAuth2AuthorizationService authorizations, Clock clock,
            DpopNonces nonces, ConsentDecisions consentDecisions, CustomerUserInfo userInfo,
            ResourceDpopProofs dpopProofs, PushedRequestUris requestUris,
            @Value("${kakehashi.oauth.request-uri-lifetime:300s}") java.time.Duration requestUriLifetime,
            MessageSigning messageSigning, GrantRefreshes refreshes) {
        this.refreshes = refreshes;
        this.dpopProofs = dpopProofs;
        this.requestUris = requestUris;
        this.requestUriLifetime = requestUriLifetime;
        this.messageSigning = messageSigning;
        this.issuer = issuer;
        this.tlsClientCertificates = tlsClientCertificates;
        this.policy = policy;
        this.seenJtis = seenJtis;
        this.grants = grants;
        this.authorizations = authorizations;
        this.clock = clock;
        this.nonces = nonces;
        this.consentRecorder = consentDecisions;
        this.userInfo = userInfo::of;
    }

    public void configure(OAuth2AuthorizationServerConfigurer server) {
        var requestValidator = new FapiRequestValidator(policy, new GrantManagementValidator(grants, clock))
                .andThen(messageSigning.responseModeValidator());
        var requestUriLifetime = new RequestUriLifetime(this.requestUriLifetime, requestUris, clock);
        var responses = messageSigning.authorizationResponses(new IssuerAuthorizationResponses(issuer));
        // signed request objects first among PAR's converters: they verify a `request` or refuse it (RFC 9101 §6.1)
        messageSigning.configure(server);
        server.authorizationService(authorizations)
                .authorizationConsentService(new NoRememberedConsents())
                .clientAuthentication(clients -> clients
                        .authenticationConverters(this::onlyFapiClientAuthentication)
                        .authenticationProviders(providers -> providers.forEach(this::configureClientAuthentication)))
                .pushedAuthorizationRequestEndpoint(par -> par
                        .pushedAuthorizationRequestConverters(converters -> converters.replaceAll(converter ->
                                new DpopBoundPushedRequests(converter, new AuthorizationServerDpopProofs(dpopProofs), nonces)))
                        .authenticationProviders(providers -> providers
                        .replaceAll(provider -> {
                            if (provider instanceof OAuth2PushedAuthorizationRequestAuthenticationProvider pushed) {
                                pushed.setAuthenticationValidator(requestValidator);
                                return requestUriLifetime.limiting(pushed);
                            }
                            return provider;
                        }))
                        .pushedAuthorizationResponseHandler(requestUriLifetime))
                .authorizationEndpoint(authorize -> authorize
                        .authorizationRequestConverters(converters -> {
                            converters.addFirst(new PushedRequestUriCheck(requestUris, authorizations, clock));
                            converters.addFirst(new PushedRequestRequired());
                        })
                        .authenticationProviders(providers -> {
                            providers.forEach(provider -> {
                                if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider request) {
                                    request.setAuthenticationValidator(requestValidator);
                                    request.setAuthorizationConsentRequired(context -> true);
                                }
                                if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider consent) {
                                    consent.setAuthorizationConsentCustomizer(consentRecorder);
                                }
                            });
                            providers.replaceAll(messageSigning::consentProvider);
                        })
                        .authorizationResponseHandler(responses)
                        .errorResponseHandler(responses)
                        .consentPage("/consent"))
                .tokenEndpoint(token -> token.authenticationProviders(this::wrapTokenProviders))
                .authorizationServerMetadataEndpoint(metadata -> metadata
                        .authorizationServerMetadataCustomizer(builder -> builder.claims(this::metadata)))
                .oidc(oidc -> oidc
                        .providerConfigurationEndpoint(config -> config
                                .providerConfigurationCustomizer(builder -> builder.claims(this::metadata)))
                        .userInfoEndpoint(endpoint -> endpoint.userInfoMapper(context ->
                                userInfo.apply(context.getAuthorization().getPrincipalName()))));
    }

    private void metadata(java.util.Map<String, Object> claims) {
        FapiMetadata.apply(claims, tlsClientCertificates.bindsTokens());
        claims.put("registration_endpoint", issuer + "/connect/register");
        claims.put("grant_management_endpoint", issuer + GrantManagementEndpoint.PATH);
    }

    /**
     * FAPI 2.0 §5.3.2.1 allows only private_key_jwt and mTLS. Spring's public-client converter also comes before its
     * certificate converter, so a tls_client_auth client redeeming a code with PKCE would be taken for a public
     * client; removing the converters for public clients and client secrets leaves only the two allowed methods.
     */
    private void onlyFapiClientAuthentication(List<org.springframework.security.web.authentication.AuthenticationConverter> converters) {
        converters.removeIf(converter -> converter instanceof PublicClientAuthenticationConverter
                || converter instanceof ClientSecretBasicAuthenticationConverter
                || converter instanceof ClientSecretPostAuthenticationConverter);
        converters.addFirst(new ClientIdFromAssertion());
    }

    private void configureClientAuthentication(AuthenticationProvider provider) {
        if (provider instanceof JwtClientAssertionAuthenticationProvider assertions) {
            assertions.setJwtDecoderFactory(new ClientAssertionDecoderFactory(issuer, seenJtis, clock));
        }
        if (provider instanceof X509ClientCertificateAuthenticationProvider certificates) {
            certificates.setCertificateVerifier(tlsClientCertificates);
        }
    }

    private void wrapTokenProviders(List<AuthenticationProvider> providers) {
        providers.replaceAll(provider -> provider instanceof OAuth2AuthorizationCodeAuthenticationProvider
                || provider instanceof OAuth2RefreshTokenAuthenticationProvider
                ? new GrantIdInTokenResponse(new AuthorizationDetailsInTokenResponse(
                        new SenderConstrainedTokenRequests(oneRefreshAtATime(provider), authorizations, dpopProofs,
                                grants, nonces),
                        authorizations), authorizations, grants)
                : provider);
    }

    /** Refreshes of one grant take turns on every node, so concurrent ones all succeed (B7). */
    private AuthenticationProvider oneRefreshAtATime(AuthenticationProvider provider) {
        return provider instanceof OAuth2RefreshTokenAuthenticationProvider ? refreshes.oneAtATime(provider)
                : provider;
    }
}
