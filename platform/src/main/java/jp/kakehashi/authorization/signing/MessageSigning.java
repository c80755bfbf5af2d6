package jp.kakehashi.authorization.signing;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jp.kakehashi.authorization.replay.SeenJtis;
import jp.kakehashi.tpp.ClientMessageSigning;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * FAPI 2.0 Message Signing, plugged into Spring's authorization server by {@code FapiEndpoints}: the PAR endpoint's
 * {@code request} parameter ({@link SignedRequestObjects}), the authorization endpoint's response modes
 * ({@link ResponseModeValidator}, {@link JwtAuthorizationResponses}, {@link ResponseModeOfConsent}), signed
 * introspection ({@link SignedIntrospectionResponses}), and what discovery says of them ({@link #metadata}).
 */
@Component
public class MessageSigning {

    private final String issuer;
    private final SeenJtis seenJtis;
    private final Clock clock;
    private final ServerJwtSigner signer;
    private final OAuth2AuthorizationService authorizations;

    MessageSigning(@Value("${kakehashi.issuer}") String issuer, SeenJtis seenJtis, Clock clock,
            ServerJwtSigner signer, OAuth2AuthorizationService authorizations) {
        this.issuer = issuer;
        this.seenJtis = seenJtis;
        this.clock = clock;
        this.signer = signer;
        this.authorizations = authorizations;
    }

    /** The endpoints' additions that need no coordination with other customizations: PAR and introspection. */
    public void configure(OAuth2AuthorizationServerConfigurer server) {
        server.pushedAuthorizationRequestEndpoint(par -> par.pushedAuthorizationRequestConverter(
                        new SignedRequestObjects(issuer, seenJtis, clock)))
                .tokenIntrospectionEndpoint(introspection -> introspection.introspectionResponseHandler(
                        new SignedIntrospectionResponses(issuer, signer, clock)));
    }

    /** The check of {@code response_mode}, to run with the other authorization request validators. */
    public Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> responseModeValidator() {
        return new ResponseModeValidator();
    }

    /** The authorization endpoint's responses: JWT-secured when asked for, else {@code plain}'s. */
    public <T extends AuthenticationSuccessHandler & AuthenticationFailureHandler> JwtAuthorizationResponses
            authorizationResponses(T plain) {
        return new JwtAuthorizationResponses(issuer, authorizations, signer, clock, plain);
    }

    /** Wraps Spring's consent provider so its errors keep the request's response mode. */
    public AuthenticationProvider consentProvider(AuthenticationProvider provider) {
        return provider instanceof OAuth2AuthorizationConsentAuthenticationProvider
                ? new ResponseModeOfConsent(provider, authorizations) : provider;
    }

    /** Discovery (RFC 8414 §2, RFC 9101 §10.5, JARM §4, RFC 9701 §7): exactly what the endpoints enforce. */
    public static void metadata(Map<String, Object> claims) {
        List<String> requestObjectAlgorithms = ClientMessageSigning.REQUEST_OBJECT_ALGORITHMS.stream().sorted().toList();
        List<String> responseAlgorithms = ClientMessageSigning.RESPONSE_ALGORITHMS.stream().sorted().toList();
        // signed request objects are accepted at the PAR endpoint from clients that registered for them
        claims.put("request_parameter_supported", true);
        claims.put("request_object_signing_alg_values_supported", requestObjectAlgorithms);
        // the server as a whole does not require them: each client's require_signed_request_object does
        claims.put("require_signed_request_object", false);
        claims.put("response_modes_supported", ResponseMode.supported());
        claims.put("authorization_signing_alg_values_supported", responseAlgorithms);
        claims.put("introspection_signing_alg_values_supported", responseAlgorithms);
    }
}
