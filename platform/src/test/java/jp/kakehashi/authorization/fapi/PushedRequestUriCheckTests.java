package jp.kakehashi.authorization.fapi;

import static jp.kakehashi.authorization.fapi.TestFapiClients.AUTHORIZATION_URI;
import static jp.kakehashi.authorization.fapi.TestFapiClients.CLIENT_ID;
import static jp.kakehashi.authorization.fapi.TestFapiClients.REDIRECT_URI;
import static jp.kakehashi.authorization.fapi.TestFapiClients.dpopClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kakehashi.authorization.error.AuthorizationErrorCode;
import jp.kakehashi.authorization.store.PushedRequestUris;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;

/**
 * The {@code request_uri} at the authorization endpoint (RFC 9126 §4, FAPI 2.0 §5.3.2.2): unknown or used, another
 * client's, or expired is {@code invalid_request_uri}; only the expired one of the same client goes back to its
 * redirect URI (with the pushed state), the others are an error page (RFC 6749 §4.1.2.1).
 */
class PushedRequestUriCheckTests {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String STATE = "pushed-state-token";
    private static final String REQUEST_URI = RequestUriLifetime.REQUEST_URI_PREFIX + STATE;

    private final PushedRequestUris requestUris = mock(PushedRequestUris.class);
    private final OAuth2AuthorizationService authorizations = mock(OAuth2AuthorizationService.class);
    private final PushedRequestUriCheck check = new PushedRequestUriCheck(requestUris, authorizations,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void convertWhenKnownUnexpiredRequestUriOfTheClientThenLeftToSpring() {
        pushed();
        when(requestUris.expiresAt(STATE)).thenReturn(Optional.of(NOW.plusSeconds(1)));

        assertThat(check.convert(authorize(REQUEST_URI, CLIENT_ID))).isNull();
    }

    @Test
    void convertWhenNoRequestUriThenLeftToPushedRequestRequired() {
        assertThat(check.convert(authorize(null, CLIENT_ID))).isNull();
        verifyNoInteractions(authorizations, requestUris);
    }

    @Test
    void convertWhenUnknownOrUsedRequestUriThenThrowInvalidRequestUriToAnErrorPage() {
        assertRefusedToAnErrorPage(authorize(REQUEST_URI, CLIENT_ID), "unknown or was used already");
    }

    @Test
    void convertWhenNotARequestUriOfThisServerThenThrowInvalidRequestUriToAnErrorPage() {
        assertRefusedToAnErrorPage(authorize("https://tpp.example/request.jwt", CLIENT_ID), "unknown");
        verifyNoInteractions(authorizations);
    }

    @Test
    void convertWhenAnotherClientsRequestUriThenThrowInvalidRequestUriToAnErrorPage() {
        pushed();

        assertRefusedToAnErrorPage(authorize(REQUEST_URI, "other-client"), "pushed by another client");
    }

    @Test
    void convertWhenExpiredThenThrowInvalidRequestUriBackToTheClientWithThePushedState() {
        pushed();
        when(requestUris.expiresAt(STATE)).thenReturn(Optional.of(NOW));

        var refused = refusal(authorize(REQUEST_URI, CLIENT_ID));

        assertThat(refused.getError().getDescription()).contains("expired");
        var request = refused.getAuthorizationCodeRequestAuthentication();
        assertThat(request.getRedirectUri()).isEqualTo(REDIRECT_URI);
        assertThat(request.getState()).isEqualTo("client-state");
        assertThat(request.getClientId()).isEqualTo(CLIENT_ID);
    }

    @Test
    void convertWhenNoLifetimeIsRecordedThenLeftToSpringsOwnExpiry() {
        pushed();
        when(requestUris.expiresAt(STATE)).thenReturn(Optional.empty());

        assertThat(check.convert(authorize(REQUEST_URI, CLIENT_ID))).isNull();
    }

    private void pushed() {
        var request = OAuth2AuthorizationRequest.authorizationCode().authorizationUri(AUTHORIZATION_URI)
                .clientId(CLIENT_ID).redirectUri(REDIRECT_URI).scopes(Set.of("accounts")).state("client-state")
                .additionalParameters(Map.of()).build();
        var authorization = OAuth2Authorization.withRegisteredClient(dpopClient().build()).principalName(CLIENT_ID)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .attribute(OAuth2AuthorizationRequest.class.getName(), request).build();
        when(authorizations.findByToken(eq(STATE), any(OAuth2TokenType.class))).thenReturn(authorization);
    }

    private OAuth2AuthorizationCodeRequestAuthenticationException refusal(MockHttpServletRequest request) {
        return assertThatExceptionOfType(OAuth2AuthorizationCodeRequestAuthenticationException.class)
                .isThrownBy(() -> check.convert(request)).satisfies(e -> assertThat(e.getError().getErrorCode())
                        .isEqualTo(AuthorizationErrorCode.INVALID_REQUEST_URI.code()).isEqualTo(
                                "invalid_request_uri"))
                .actual();
    }

    private void assertRefusedToAnErrorPage(MockHttpServletRequest request, String description) {
        var refused = refusal(request);
        assertThat(refused.getError().getDescription()).contains(description);
        assertThat(refused.getAuthorizationCodeRequestAuthentication()).as("never redirect").isNull();
    }

    private static MockHttpServletRequest authorize(String requestUri, String clientId) {
        var request = new MockHttpServletRequest("GET", "/oauth2/authorize");
        if (requestUri != null) {
            request.addParameter("request_uri", requestUri);
        }
        request.addParameter("client_id", clientId);
        return request;
    }
}
