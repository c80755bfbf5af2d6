package jp.kakehashi.authorization.fapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.kakehashi.authorization.store.PushedRequestUris;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2PushedAuthorizationRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * The lifetime of a {@code request_uri} (RFC 9126 §2.2, FAPI 2.0 §5.3.2.2: under 600 s), a setting
 * ({@code kakehashi.oauth.request-uri-lifetime}): the PAR response's {@code expires_in} is exactly that lifetime, and
 * the authorization endpoint refuses the {@code request_uri} from that moment on ({@link PushedRequestUriCheck}).
 * Spring writes {@code expires_in} as the whole seconds left when it answers, one less than its lifetime, and keeps
 * its own expiry of 300 s in the {@code request_uri}; a longer setting than that is refused at start, as Spring would
 * still end the request at 300 s.
 */
final class RequestUriLifetime implements AuthenticationSuccessHandler {

    static final String REQUEST_URI_PREFIX = "urn:ietf:params:oauth:request_uri:";
    /** Spring's own expiry of every request_uri, which a setting cannot extend. */
    private static final Duration SPRING_LIMIT = Duration.ofSeconds(300);

    private final Duration lifetime;
    private final PushedRequestUris requestUris;
    private final Clock clock;
    private final JacksonJsonHttpMessageConverter json = new JacksonJsonHttpMessageConverter();

    RequestUriLifetime(Duration lifetime, PushedRequestUris requestUris, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(SPRING_LIMIT) > 0
                || lifetime.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("kakehashi.oauth.request-uri-lifetime must be whole seconds between 1 s"
                    + " and " + SPRING_LIMIT.toSeconds() + " s, not " + lifetime);
        }
        this.lifetime = lifetime;
        this.requestUris = requestUris;
        this.clock = clock;
    }

    /** Spring's PAR provider, with the request_uri's lifetime recorded as this setting says. */
    AuthenticationProvider limiting(AuthenticationProvider pushedRequests) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                Instant issuedAt = clock.instant();
                var pushed = (OAuth2PushedAuthorizationRequestAuthenticationToken) pushedRequests
                        .authenticate(authentication);
                Instant expiresAt = issuedAt.plus(lifetime);
                requestUris.setLifetime(pushed.getRequestUri().substring(REQUEST_URI_PREFIX.length()), issuedAt,
                        expiresAt);
                return new OAuth2PushedAuthorizationRequestAuthenticationToken(pushed.getAuthorizationUri(),
                        pushed.getClientId(), (Authentication) pushed.getPrincipal(), pushed.getRequestUri(),
                        expiresAt, pushed.getRedirectUri(), pushed.getState(), pushed.getScopes());
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return pushedRequests.supports(authentication);
            }
        };
    }

    /** RFC 9126 §2.2: 201 with the request_uri and, in expires_in, its whole lifetime. */
    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        var pushed = (OAuth2PushedAuthorizationRequestAuthenticationToken) authentication;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_uri", pushed.getRequestUri());
        body.put("expires_in", lifetime.toSeconds());
        var out = new ServletServerHttpResponse(response);
        out.setStatusCode(HttpStatus.CREATED);
        json.write(body, MediaType.APPLICATION_JSON, out);
    }
}
