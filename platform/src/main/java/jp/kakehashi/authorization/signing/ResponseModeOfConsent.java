package jp.kakehashi.authorization.signing;

import java.util.Map;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;

/**
 * Keeps the {@code response_mode} of a request through the consent step's errors. Spring's consent provider
 * reports an error (e.g. {@code access_denied} when the customer declines) without the request's parameters, and
 * has already removed the pending authorization, so {@link JwtAuthorizationResponses} could not tell that the
 * client asked for a JWT-secured response (JARM §2.3: errors are wrapped as well). This wrapper reads the mode
 * before the consent is processed and puts it back on the error.
 */
public final class ResponseModeOfConsent implements AuthenticationProvider {

    private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

    private final AuthenticationProvider consent;
    private final OAuth2AuthorizationService authorizations;

    public ResponseModeOfConsent(AuthenticationProvider consent, OAuth2AuthorizationService authorizations) {
        this.consent = consent;
        this.authorizations = authorizations;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        var submitted = (OAuth2AuthorizationConsentAuthenticationToken) authentication;
        Object mode = responseModeOf(submitted.getState());
        try {
            return consent.authenticate(authentication);
        }
        catch (OAuth2AuthorizationCodeRequestAuthenticationException e) {
            var attempted = e.getAuthorizationCodeRequestAuthentication();
            if (mode == null || attempted == null) {
                throw e;
            }
            var withMode = new OAuth2AuthorizationCodeRequestAuthenticationToken(attempted.getAuthorizationUri(),
                    attempted.getClientId(), (Authentication) attempted.getPrincipal(), attempted.getRedirectUri(),
                    attempted.getState(), attempted.getScopes(), Map.of(ResponseMode.PARAMETER, mode));
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(e.getError(), e, withMode);
        }
    }

    private Object responseModeOf(String consentState) {
        var pending = consentState == null ? null : authorizations.findByToken(consentState, STATE);
        OAuth2AuthorizationRequest request = pending == null ? null
                : pending.getAttribute(OAuth2AuthorizationRequest.class.getName());
        return request == null ? null : request.getAdditionalParameters().get(ResponseMode.PARAMETER);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return consent.supports(authentication);
    }
}
