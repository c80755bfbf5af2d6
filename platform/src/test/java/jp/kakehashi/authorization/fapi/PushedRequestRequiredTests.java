package jp.kakehashi.authorization.fapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;

/**
 * FAPI 2.0 §5.3.2.2: authorization requests only through PAR (RFC 9126 §4): a request without {@code request_uri} is
 * refused with {@code invalid_request}, shown as an error page (nothing in it is trusted to redirect to); the consent
 * form's POST passes.
 */
class PushedRequestRequiredTests {

    private final PushedRequestRequired converter = new PushedRequestRequired();

    @Test
    void convertWhenRequestUriThenLeftToTheNextConverters() {
        var request = authorize("GET");
        request.addParameter("request_uri", "urn:ietf:params:oauth:request_uri:abc");

        assertThat(converter.convert(request)).isNull();
    }

    @Test
    void convertWhenParametersInTheUrlWithoutRequestUriThenThrowInvalidRequest() {
        var request = authorize("GET");
        request.addParameter("response_type", "code");
        request.addParameter("client_id", "tpp-client");
        request.addParameter("redirect_uri", "https://tpp.example/cb");

        assertRefused(request);
    }

    @Test
    void convertWhenBlankRequestUriThenThrowInvalidRequest() {
        var request = authorize("GET");
        request.addParameter("request_uri", " ");

        assertRefused(request);
    }

    @Test
    void convertWhenPostedAuthorizationRequestWithoutRequestUriThenThrowInvalidRequest() {
        var request = authorize("POST");
        request.addParameter("response_type", "code");

        assertRefused(request);
    }

    @Test
    void convertWhenConsentFormIsPostedThenPasses() {
        var request = authorize("POST");
        request.addParameter("client_id", "tpp-client");
        request.addParameter("state", "consent-state");
        request.addParameter("scope", "accounts");

        assertThat(converter.convert(request)).isNull();
    }

    private void assertRefused(MockHttpServletRequest request) {
        assertThatExceptionOfType(OAuth2AuthorizationCodeRequestAuthenticationException.class)
                .isThrownBy(() -> converter.convert(request)).satisfies(e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_REQUEST);
                    assertThat(e.getError().getDescription()).contains("request_uri is required");
                    assertThat(e.getAuthorizationCodeRequestAuthentication()).as("no redirect").isNull();
                });
    }

    private static MockHttpServletRequest authorize(String method) {
        return new MockHttpServletRequest(method, "/oauth2/authorize");
    }
}
