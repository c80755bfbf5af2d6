package jp.kakehashi.authorization.fapi;

import static jp.kakehashi.authorization.fapi.TestFapiClients.AUTHORIZATION_URI;
import static jp.kakehashi.authorization.fapi.TestFapiClients.CLIENT_ID;
import static jp.kakehashi.authorization.fapi.TestFapiClients.REDIRECT_URI;
import static jp.kakehashi.authorization.fapi.TestFapiClients.authenticated;
import static jp.kakehashi.authorization.fapi.TestFapiClients.dpopClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.authorization.store.PushedRequestUris;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2PushedAuthorizationRequestAuthenticationToken;

/**
 * The {@code request_uri} lifetime (RFC 9126 §2.2; FAPI 2.0 §5.3.2.2: under 600 s): whole seconds from 1 s to Spring's
 * own 300 s, recorded for the authorization endpoint's check, and exactly that lifetime in {@code expires_in}.
 */
class RequestUriLifetimeTests {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String REQUEST_URI = RequestUriLifetime.REQUEST_URI_PREFIX + "state-token";

    private final PushedRequestUris requestUris = mock(PushedRequestUris.class);

    @Test
    void constructWhenNotWholeSecondsBetween1And300ThenThrowIllegalArgumentException() {
        for (Duration lifetime : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), Duration.ofSeconds(301),
                Duration.ofMillis(1500)}) {
            assertThatIllegalArgumentException().as("%s", lifetime).isThrownBy(() -> lifetime(lifetime))
                    .withMessageContaining("kakehashi.oauth.request-uri-lifetime");
        }
    }

    @Test
    void constructWhen1Or300SecondsThenAccepted() {
        assertThat(lifetime(Duration.ofSeconds(1))).isNotNull();
        assertThat(lifetime(Duration.ofSeconds(300))).isNotNull();
    }

    @Test
    void limitingWhenARequestIsPushedThenItsLifetimeIsRecordedAndAnswered() {
        AuthenticationProvider spring = mock(AuthenticationProvider.class);
        when(spring.authenticate(any())).thenReturn(new OAuth2PushedAuthorizationRequestAuthenticationToken(
                AUTHORIZATION_URI, CLIENT_ID, authenticated(dpopClient().build()), REQUEST_URI, NOW.plusSeconds(300),
                REDIRECT_URI, "state", Set.of("accounts")));
        when(spring.supports(OAuth2PushedAuthorizationRequestAuthenticationToken.class)).thenReturn(true);
        var limited = lifetime(Duration.ofSeconds(90)).limiting(spring);

        var pushed = (OAuth2PushedAuthorizationRequestAuthenticationToken) limited.authenticate(
                new OAuth2PushedAuthorizationRequestAuthenticationToken(AUTHORIZATION_URI, CLIENT_ID,
                        authenticated(dpopClient().build()), REDIRECT_URI, "state", Set.of("accounts"), Map.of()));

        verify(requestUris).setLifetime("state-token", NOW, NOW.plusSeconds(90));
        assertThat(pushed.getRequestUri()).isEqualTo(REQUEST_URI);
        assertThat(pushed.getRequestUriExpiresAt()).isEqualTo(NOW.plusSeconds(90));
        assertThat(pushed.getState()).isEqualTo("state");
        assertThat(limited.supports(OAuth2PushedAuthorizationRequestAuthenticationToken.class)).isTrue();
    }

    @Test
    void onAuthenticationSuccessThen201WithTheRequestUriAndTheWholeLifetime() throws Exception {
        var response = new MockHttpServletResponse();

        lifetime(Duration.ofSeconds(90)).onAuthenticationSuccess(new MockHttpServletRequest(), response,
                new OAuth2PushedAuthorizationRequestAuthenticationToken(AUTHORIZATION_URI, CLIENT_ID,
                        authenticated(dpopClient().build()), REQUEST_URI, NOW.plusSeconds(89), REDIRECT_URI, "state",
                        Set.of("accounts")));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString())
                .isEqualTo("{\"request_uri\":\"" + REQUEST_URI + "\",\"expires_in\":90}");
    }

    private RequestUriLifetime lifetime(Duration lifetime) {
        return new RequestUriLifetime(lifetime, requestUris, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
