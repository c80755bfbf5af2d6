package jp.kakehashi.authorization.fapi;

import static jp.kakehashi.authorization.fapi.TestFapiClients.AUTHORIZATION_URI;
import static jp.kakehashi.authorization.fapi.TestFapiClients.CLIENT_ID;
import static jp.kakehashi.authorization.fapi.TestFapiClients.ISSUER;
import static jp.kakehashi.authorization.fapi.TestFapiClients.REDIRECT_URI;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * The authorization endpoint's responses: {@code iss} in every response (RFC 9207), 303 redirects (FAPI 2.0
 * §5.3.2.2), and errors with no verified redirect URI shown as an error page, never redirected (RFC 6749 §4.1.2.1).
 */
class IssuerAuthorizationResponsesTests {

    private static final String ENCODED_ISSUER = "https%3A%2F%2Fbank.example";

    private final IssuerAuthorizationResponses responses = new IssuerAuthorizationResponses(ISSUER);
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorize");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void onAuthenticationSuccessThen303WithCodeStateAndIss() throws Exception {
        responses.onAuthenticationSuccess(request, response, issued("the-code", "a b&c"));

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getHeader("Location"))
                .isEqualTo(REDIRECT_URI + "?code=the-code&state=a%20b%26c&iss=" + ENCODED_ISSUER);
    }

    @Test
    void onAuthenticationSuccessWhenNoStateThenCodeAndIssOnly() throws Exception {
        responses.onAuthenticationSuccess(request, response, issued("the-code", null));

        assertThat(response.getHeader("Location")).isEqualTo(REDIRECT_URI + "?code=the-code&iss=" + ENCODED_ISSUER);
    }

    @Test
    void onAuthenticationFailureWhenTheRequestNamesAVerifiedRedirectUriThen303WithErrorStateAndIss() throws Exception {
        responses.onAuthenticationFailure(request, response, new OAuth2AuthorizationCodeRequestAuthenticationException(
                new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, "the customer refused", null), attempted("s1")));

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getHeader("Location")).isEqualTo(REDIRECT_URI
                + "?error=access_denied&error_description=the%20customer%20refused&state=s1&iss=" + ENCODED_ISSUER);
    }

    @Test
    void onAuthenticationFailureWhenNoRequestIsKnownThenAnErrorPageAndNoRedirect() throws Exception {
        var error = new OAuth2Error("invalid_request_uri", "unknown", null);

        responses.onAuthenticationFailure(request, response,
                new OAuth2AuthorizationCodeRequestAuthenticationException(error, null));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getHeader("Location")).isNull();
        assertThat(request.getAttribute(IssuerAuthorizationResponses.ERROR_ATTRIBUTE)).isEqualTo(error);
    }

    @Test
    void onAuthenticationFailureWhenTheRequestHasNoRedirectUriThenAnErrorPage() throws Exception {
        var noRedirect = new OAuth2AuthorizationCodeRequestAuthenticationToken(AUTHORIZATION_URI, CLIENT_ID,
                new TestingAuthenticationToken("customer", null), null, "s1", Set.of("accounts"), Map.of());

        responses.onAuthenticationFailure(request, response, new OAuth2AuthorizationCodeRequestAuthenticationException(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST), noRedirect));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getHeader("Location")).isNull();
    }

    @Test
    void onAuthenticationFailureWhenNotAnOAuthErrorThenAnInvalidRequestErrorPage() throws Exception {
        responses.onAuthenticationFailure(request, response, new BadCredentialsException("bad"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(request.getAttribute(IssuerAuthorizationResponses.ERROR_ATTRIBUTE))
                .isInstanceOfSatisfying(OAuth2Error.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_REQUEST));
    }

    private static OAuth2AuthorizationCodeRequestAuthenticationToken issued(String code, String state) {
        return new OAuth2AuthorizationCodeRequestAuthenticationToken(AUTHORIZATION_URI, CLIENT_ID,
                new TestingAuthenticationToken("customer", null),
                new OAuth2AuthorizationCode(code, Instant.now(), Instant.now().plusSeconds(60)), REDIRECT_URI, state,
                Set.of("accounts"));
    }

    private static OAuth2AuthorizationCodeRequestAuthenticationToken attempted(String state) {
        return new OAuth2AuthorizationCodeRequestAuthenticationToken(AUTHORIZATION_URI, CLIENT_ID,
                new TestingAuthenticationToken("customer", null), REDIRECT_URI, state, Set.of("accounts"), Map.of());
    }
}
