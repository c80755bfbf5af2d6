package jp.kakehashi.authorization.token;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The {@code WWW-Authenticate: Bearer} challenge (RFC 6750 §3) of a resource that publishes no protected resource
 * metadata (userinfo, grant management): the error, its description and URI, and the scope, without
 * {@code resource_metadata}. Spring's {@code BearerTokenAuthenticationEntryPoint} always adds that parameter, by
 * default naming {@code /.well-known/oauth-protected-resource} of the host, where nothing is published here (the
 * customer screens answer with the sign-in page); RFC 9728 §5.1 only has a challenge name metadata that describes the
 * resource, and the {@code /v1} API's ({@code /.well-known/oauth-protected-resource/v1}) describes {@code /v1} only.
 * Adds its header to any challenge already set.
 */
public final class BearerChallenge implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) {
        Map<String, String> parameters = DpopChallenge.errorParameters(failure);
        HttpStatus status = HttpStatus.UNAUTHORIZED;
        if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError bearer) {
            if (bearer.getScope() != null && !bearer.getScope().isBlank()) {
                parameters.put("scope", bearer.getScope());
            }
            status = bearer.getHttpStatus();
        }
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, DpopChallenge.header("Bearer", parameters));
        response.setStatus(status.value());
    }
}
