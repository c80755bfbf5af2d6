package jp.kakehashi.authorization.fapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.kakehashi.shared.ErrorResponses;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The answer to a request at a client-authenticated endpoint that carried no usable client credentials (e.g. no
 * client certificate, or none the TLS library would present): RFC 6749 §5.2 {@code invalid_client} with 401, as
 * JSON, instead of Spring's empty 401.
 */
public final class ClientAuthenticationRequired {

    public static final RequestMatcher ENDPOINTS = new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern("/oauth2/par"), PathPatternRequestMatcher.pathPattern("/oauth2/token"),
            PathPatternRequestMatcher.pathPattern("/oauth2/revoke"),
            PathPatternRequestMatcher.pathPattern("/oauth2/introspect"));

    private ClientAuthenticationRequired() {
    }

    public static void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        ErrorResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, ErrorResponses.oauth(
                OAuth2ErrorCodes.INVALID_CLIENT, "client authentication is required (private_key_jwt or tls_client_auth)"));
    }
}
