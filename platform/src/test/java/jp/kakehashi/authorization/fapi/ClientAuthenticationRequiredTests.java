package jp.kakehashi.authorization.fapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;

/**
 * A client-authenticated endpoint without usable client credentials answers RFC 6749 §5.2 {@code invalid_client} with
 * 401 as JSON, not Spring's empty 401 (B1).
 */
class ClientAuthenticationRequiredTests {

    @Test
    void commenceThen401InvalidClientAsJsonNotStored() throws Exception {
        var response = new MockHttpServletResponse();

        ClientAuthenticationRequired.commence(new MockHttpServletRequest("POST", "/oauth2/token"), response,
                new InsufficientAuthenticationException("no client"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getContentAsString()).contains("\"error\":\"invalid_client\"");
    }

    @Test
    void endpointsWhenTokenParRevocationOrIntrospectionThenMatchedAndTheAuthorizationEndpointNot() {
        for (String endpoint : new String[] {"/oauth2/token", "/oauth2/par", "/oauth2/revoke", "/oauth2/introspect"}) {
            assertThat(ClientAuthenticationRequired.ENDPOINTS.matches(new MockHttpServletRequest("POST", endpoint)))
                    .as(endpoint).isTrue();
        }
        assertThat(ClientAuthenticationRequired.ENDPOINTS.matches(
                new MockHttpServletRequest("GET", "/oauth2/authorize"))).isFalse();
    }
}
