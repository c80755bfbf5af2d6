package jp.kakehashi.authorization.fapi;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import jp.kakehashi.authorization.error.AuthorizationErrorCode;
import jp.kakehashi.authorization.store.PushedRequestUris;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * The {@code request_uri} of an authorization request, checked before Spring reads it (RFC 9126 §4, FAPI 2.0
 * §5.3.2.2): one that is unknown, used already, another client's, or at the end of its lifetime
 * ({@link RequestUriLifetime}) is refused with {@code invalid_request_uri}. For an expired one, the client and its
 * redirect URI were verified when the request was pushed, and the request names the same client, so the error goes
 * back to that redirect URI with the pushed {@code state} and {@code iss}; in the other cases nothing trustworthy
 * names a redirect URI (RFC 6749 §4.1.2.1), and the customer sees an error page.
 */
final class PushedRequestUriCheck implements AuthenticationConverter {

    private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

    private final PushedRequestUris requestUris;
    private final OAuth2AuthorizationService authorizations;
    private final Clock clock;

    PushedRequestUriCheck(PushedRequestUris requestUris, OAuth2AuthorizationService authorizations, Clock clock) {
        this.requestUris = requestUris;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        String requestUri = request.getParameter(OAuth2ParameterNames.REQUEST_URI);
        if (!StringUtils.hasText(requestUri)) {
            return null; // PushedRequestRequired refuses an authorization request without one
        }
        String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        OAuth2Authorization pushed = requestUri.startsWith(RequestUriLifetime.REQUEST_URI_PREFIX)
                ? authorizations.findByToken(requestUri.substring(RequestUriLifetime.REQUEST_URI_PREFIX.length()),
                        STATE)
                : null;
        OAuth2AuthorizationRequest pushedRequest = pushed == null ? null
                : pushed.getAttribute(OAuth2AuthorizationRequest.class.getName());
        if (pushedRequest == null) {
            throw refused("the request_uri is unknown or was used already: push the authorization request again",
                    null, clientId);
        }
        if (!pushedRequest.getClientId().equals(clientId)) {
            throw refused("the request_uri was pushed by another client", null, clientId);
        }
        Optional<Instant> expiresAt = requestUris.expiresAt(
                requestUri.substring(RequestUriLifetime.REQUEST_URI_PREFIX.length()));
        if (expiresAt.isPresent() && !clock.instant().isBefore(expiresAt.get())) {
            throw refused("the request_uri has expired: push the authorization request again", pushed, clientId);
        }
        return null;
    }

    /**
     * The refusal, sent back to the client when the pushed request is known and this request names its client;
     * shown as an error page otherwise (RFC 6749 §4.1.2.1: never redirect to an unverified client or URI).
     */
    private static OAuth2AuthorizationCodeRequestAuthenticationException refused(String description,
            OAuth2Authorization pushed, String clientId) {
        OAuth2Error error = AuthorizationErrorCode.INVALID_REQUEST_URI.error(description);
        OAuth2AuthorizationRequest request = pushed == null ? null
                : pushed.getAttribute(OAuth2AuthorizationRequest.class.getName());
        if (request == null || !request.getClientId().equals(clientId)) {
            return new OAuth2AuthorizationCodeRequestAuthenticationException(error, null);
        }
        Authentication anonymous = new AnonymousAuthenticationToken("request_uri", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        return new OAuth2AuthorizationCodeRequestAuthenticationException(error,
                new OAuth2AuthorizationCodeRequestAuthenticationToken(request.getAuthorizationUri(), clientId,
                        anonymous, request.getRedirectUri(), request.getState(), request.getScopes(),
                        request.getAdditionalParameters()));
    }
}
