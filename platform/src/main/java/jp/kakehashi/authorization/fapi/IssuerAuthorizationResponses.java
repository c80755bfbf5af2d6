package jp.kakehashi.authorization.fapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The authorization endpoint's responses, replacing Spring's to add what FAPI 2.0 requires and Spring lacks:
 * the issuer identifier {@code iss} in every response (RFC 9207, against mix-up attacks) and 303 redirects (FAPI
 * 2.0 §5.3.2.2, no 307). Errors that cannot safely go back to the client (unknown client, unverified redirect URI)
 * are shown to the customer as an error page instead of redirecting anywhere.
 */
public final class IssuerAuthorizationResponses implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    /** Request attribute the error page reads to explain what went wrong. */
    public static final String ERROR_ATTRIBUTE = "kakehashi.oauth2.error";

    private final String issuer;
    private final DefaultRedirectStrategy redirects = new DefaultRedirectStrategy();

    public IssuerAuthorizationResponses(String issuer) {
        this.issuer = issuer;
        this.redirects.setStatusCode(HttpStatus.SEE_OTHER);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        var result = (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
        var uri = UriComponentsBuilder.fromUriString(result.getRedirectUri())
                .queryParam(OAuth2ParameterNames.CODE, result.getAuthorizationCode().getTokenValue());
        if (StringUtils.hasText(result.getState())) {
            uri.queryParam(OAuth2ParameterNames.STATE, encode(result.getState()));
        }
        uri.queryParam("iss", encode(issuer));
        redirects.sendRedirect(request, response, uri.build(true).toUriString());
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError() : new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
        OAuth2AuthorizationCodeRequestAuthenticationToken attempted =
                exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException codeRequest
                        ? codeRequest.getAuthorizationCodeRequestAuthentication() : null;
        if (attempted == null || !StringUtils.hasText(attempted.getRedirectUri())) {
            request.setAttribute(ERROR_ATTRIBUTE, error);
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        var uri = UriComponentsBuilder.fromUriString(attempted.getRedirectUri())
                .queryParam(OAuth2ParameterNames.ERROR, error.getErrorCode());
        if (StringUtils.hasText(error.getDescription())) {
            uri.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION, encode(error.getDescription()));
        }
        if (StringUtils.hasText(attempted.getState())) {
            uri.queryParam(OAuth2ParameterNames.STATE, encode(attempted.getState()));
        }
        uri.queryParam("iss", encode(issuer));
        redirects.sendRedirect(request, response, uri.build(true).toUriString());
    }

    private static String encode(String value) {
        return UriUtils.encode(value, StandardCharsets.UTF_8);
    }
}
