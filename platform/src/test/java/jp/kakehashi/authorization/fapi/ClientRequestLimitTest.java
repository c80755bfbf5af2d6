package jp.kakehashi.authorization.fapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * F4: at the authorization server's endpoints each authenticated client's requests count against its limit; over it,
 * 429 with Retry-After and an OAuth error body, and the endpoint is not reached. A request whose client is not
 * authenticated is not counted against any client (nobody can use up another's limit by naming it).
 */
class ClientRequestLimitTest {

    private final List<String> counted = new ArrayList<>();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void doFilterWhenTheClientIsOverItsLimitThen429WithRetryAfterAndAnOAuthError() throws Exception {
        var filter = new ClientRequestLimit(clientId -> {
            counted.add(clientId);
            return counted.size() > 1 ? Optional.of(TimeUnit.MILLISECONDS.toNanos(1_500)) : Optional.empty();
        });
        authenticated("tpp-client");

        var first = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("POST", "/oauth2/token"), new MockHttpServletResponse(), first);
        var response = new MockHttpServletResponse();
        var second = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("POST", "/oauth2/token"), response, second);

        assertThat(first.getRequest()).as("the first reached the endpoint").isNotNull();
        assertThat(second.getRequest()).as("the second did not").isNull();
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).contains("\"error\":\"temporarily_unavailable\"");
        assertThat(counted).containsExactly("tpp-client", "tpp-client");
    }

    @Test
    void doFilterWhenNoClientIsAuthenticatedThenNothingIsCounted() throws Exception {
        var filter = new ClientRequestLimit(clientId -> {
            counted.add(clientId);
            return Optional.of(1L);
        });
        var chain = new MockFilterChain();

        filter.doFilter(new MockHttpServletRequest("POST", "/oauth2/token"), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(counted).isEmpty();
    }

    private static void authenticated(String clientId) {
        RegisteredClient client = RegisteredClient.withId(clientId).clientId(clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri("https://tpp.example/cb")
                .build();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.PRIVATE_KEY_JWT,
                null));
        SecurityContextHolder.setContext(context);
    }
}
