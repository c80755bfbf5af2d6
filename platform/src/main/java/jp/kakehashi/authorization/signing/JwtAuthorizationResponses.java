package jp.kakehashi.authorization.signing;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * JWT-secured authorization responses (JARM §2.3.1, FAPI 2.0 Message Signing §5.4): when the request asked for
 * {@code response_mode=jwt} or {@code query.jwt}, the response parameters ({@code code} and {@code state}, or
 * {@code error}, {@code error_description} and {@code state}) travel in one JWT signed with the bank's key, with
 * {@code iss}, {@code aud} = the client and an {@code exp} 5 minutes ahead (JARM §2.1 asks for a short one), as the
 * {@code response} query parameter of a 303 redirect (FAPI 2.0 §5.3.2.2). The JWT's {@code iss} stands in for RFC
 * 9207's parameter (RFC 9207 §2.4). Other responses, and errors that must not go to the client, are left to
 * {@code delegate}.
 */
public final class JwtAuthorizationResponses implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String RESPONSE = "response";
    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

    private final String issuer;
    private final OAuth2AuthorizationService authorizations;
    private final ServerJwtSigner signer;
    private final Clock clock;
    private final AuthenticationSuccessHandler successes;
    private final AuthenticationFailureHandler failures;
    private final DefaultRedirectStrategy redirects = new DefaultRedirectStrategy();

    public <T extends AuthenticationSuccessHandler & AuthenticationFailureHandler> JwtAuthorizationResponses(
            String issuer, OAuth2AuthorizationService authorizations, ServerJwtSigner signer, Clock clock,
            T delegate) {
        this.issuer = issuer;
        this.authorizations = authorizations;
        this.signer = signer;
        this.clock = clock;
        this.successes = delegate;
        this.failures = delegate;
        this.redirects.setStatusCode(HttpStatus.SEE_OTHER);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        var result = (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
        // Spring's result carries no request parameters; the authorization saved with the code has them
        var code = result.getAuthorizationCode();
        var authorization = code == null ? null : authorizations.findByToken(code.getTokenValue(), CODE);
        OAuth2AuthorizationRequest saved = authorization == null ? null
                : authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        if (code == null || saved == null || !signed(saved.getAdditionalParameters())) {
            successes.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        var claims = claims(result.getClientId()).claim(OAuth2ParameterNames.CODE, code.getTokenValue());
        if (StringUtils.hasText(result.getState())) {
            claims.claim(OAuth2ParameterNames.STATE, result.getState());
        }
        redirect(request, response, result.getRedirectUri(), claims.build());
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        OAuth2AuthorizationCodeRequestAuthenticationToken attempted =
                exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException codeRequest
                        ? codeRequest.getAuthorizationCodeRequestAuthentication() : null;
        if (attempted == null || !StringUtils.hasText(attempted.getRedirectUri())
                || !signed(attempted.getAdditionalParameters())) {
            failures.onAuthenticationFailure(request, response, exception);
            return;
        }
        OAuth2Error error = ((OAuth2AuthenticationException) exception).getError();
        var claims = claims(attempted.getClientId()).claim(OAuth2ParameterNames.ERROR, error.getErrorCode());
        if (StringUtils.hasText(error.getDescription())) {
            claims.claim(OAuth2ParameterNames.ERROR_DESCRIPTION, error.getDescription());
        }
        if (StringUtils.hasText(attempted.getState())) {
            claims.claim(OAuth2ParameterNames.STATE, attempted.getState());
        }
        redirect(request, response, attempted.getRedirectUri(), claims.build());
    }

    private static boolean signed(Map<String, Object> parameters) {
        return ResponseMode.ofRequest(parameters).map(ResponseMode::signed).orElse(false);
    }

    private JWTClaimsSet.Builder claims(String clientId) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(clientId).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)));
    }

    private void redirect(HttpServletRequest request, HttpServletResponse response, String redirectUri,
            JWTClaimsSet claims) throws IOException {
        String jwt = signer.sign(claims, null);
        // a compact JWS is base64url and dots only: nothing to encode
        redirects.sendRedirect(request, response,
                UriComponentsBuilder.fromUriString(redirectUri).queryParam(RESPONSE, jwt).build(true).toUriString());
    }
}
