package jp.kakehashi.authorization.fapi;

import static jp.kakehashi.authorization.fapi.TestFapiClients.AUTHORIZATION_URI;
import static jp.kakehashi.authorization.fapi.TestFapiClients.CLIENT_ID;
import static jp.kakehashi.authorization.fapi.TestFapiClients.REDIRECT_URI;
import static jp.kakehashi.authorization.fapi.TestFapiClients.dpopClient;
import static jp.kakehashi.authorization.fapi.TestFapiClients.ecKey;
import static jp.kakehashi.authorization.fapi.TestFapiClients.thumbprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.authorization.policy.ScopePolicy;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The authorization request beyond Spring's checks (B5: registered redirect URI, approved scopes): FAPI 2.0 §5.3.2.2
 * {@code redirect_uri} always; RFC 9449 §10 {@code dpop_jkt} a SHA-256 JWK thumbprint; {@code nonce} at most 64
 * characters; a policy for every scope (B3, B6); RFC 9396 details before Spring's scope check; grant management last.
 */
class FapiRequestValidatorTests {

    private final ScopePolicy policy = mock(ScopePolicy.class);
    private final List<OAuth2AuthorizationCodeRequestAuthenticationContext> grantManagementChecks = new ArrayList<>();
    private final FapiRequestValidator validator = new FapiRequestValidator(policy, grantManagementChecks::add);
    private RegisteredClient client = dpopClient().scope("loans").build();

    FapiRequestValidatorTests() {
        when(policy.isKnown(anyString())).thenAnswer(scope -> !"loans".equals(scope.getArgument(0)));
    }

    @Test
    void acceptWhenFapiRequestThenAcceptedAndGrantManagementCheckedLast() {
        var context = context(REDIRECT_URI, Set.of("openid", "accounts"),
                Map.of("dpop_jkt", thumbprint(ecKey()), "nonce", "n".repeat(64)));

        assertThatNoException().isThrownBy(() -> validator.accept(context));
        assertThat(grantManagementChecks).containsExactly(context);
    }

    @Test
    void acceptWhenRedirectUriIsNotRegisteredThenThrowInvalidRequest() {
        var error = refusal(context("https://attacker.example/cb", Set.of("accounts"), Map.of()));

        assertThat(error.getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_REQUEST);
        assertThat(error.getDescription()).contains("redirect_uri");
    }

    @Test
    void acceptWhenNoRedirectUriThenThrowInvalidRequest() {
        // Spring alone accepts this: the client has one redirect URI and no openid scope is asked
        var error = refusal(context(null, Set.of("accounts"), Map.of()));

        assertThat(error.getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_REQUEST);
        assertThat(error.getDescription()).isEqualTo("redirect_uri is required");
        assertThat(grantManagementChecks).isEmpty();
    }

    @Test
    void acceptWhenDpopJktIsNotAThumbprintThenThrowInvalidRequest() {
        for (Object jkt : new Object[] {"short", "a".repeat(42) + "+", "a".repeat(44), 42}) {
            var error = refusal(context(REDIRECT_URI, Set.of("accounts"), Map.of("dpop_jkt", jkt)));

            assertThat(error.getErrorCode()).as("%s", jkt).isEqualTo(OAuth2ErrorCodes.INVALID_REQUEST);
            assertThat(error.getDescription()).as("%s", jkt).contains("dpop_jkt");
        }
    }

    @Test
    void acceptWhenNonceIsLongerThan64CharactersThenThrowInvalidRequest() {
        var error = refusal(context(REDIRECT_URI, Set.of("openid"), Map.of("nonce", "n".repeat(65))));

        assertThat(error.getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_REQUEST);
        assertThat(error.getDescription()).contains("nonce");
    }

    @Test
    void acceptWhenAScopeHasNoPolicyThenThrowInvalidScope() {
        var error = refusal(context(REDIRECT_URI, Set.of("accounts", "loans"), Map.of()));

        assertThat(error.getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_SCOPE);
        assertThat(error.getDescription()).isEqualTo("unknown scope loans");
        assertThat(grantManagementChecks).isEmpty();
    }

    @Test
    void acceptWhenAScopeIsNotTheClientsThenThrowInvalidScope() {
        client = dpopClient().build();

        var error = refusal(context(REDIRECT_URI, Set.of("accounts", "balances"), Map.of()));

        assertThat(error.getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_SCOPE);
    }

    @Test
    void acceptWhenAuthorizationDetailsAreInvalidThenRefusedBeforeTheScopes() {
        var error = refusal(context(REDIRECT_URI, Set.of("accounts", "not-the-clients"),
                Map.of("authorization_details", "not json")));

        assertThat(error.getErrorCode()).isEqualTo("invalid_authorization_details");
    }

    @Test
    void acceptWhenRefusedThenTheExceptionCarriesTheRequestForTheErrorRedirect() {
        var context = context(REDIRECT_URI, Set.of("openid"), Map.of("nonce", "n".repeat(65)));

        assertThatExceptionOfType(OAuth2AuthorizationCodeRequestAuthenticationException.class)
                .isThrownBy(() -> validator.accept(context))
                .satisfies(e -> assertThat(e.getAuthorizationCodeRequestAuthentication().getRedirectUri())
                        .isEqualTo(REDIRECT_URI));
    }

    private org.springframework.security.oauth2.core.OAuth2Error refusal(
            OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        return assertThatExceptionOfType(OAuth2AuthorizationCodeRequestAuthenticationException.class)
                .isThrownBy(() -> validator.accept(context)).actual().getError();
    }

    private OAuth2AuthorizationCodeRequestAuthenticationContext context(String redirectUri, Set<String> scopes,
            Map<String, Object> parameters) {
        var request = new OAuth2AuthorizationCodeRequestAuthenticationToken(AUTHORIZATION_URI, CLIENT_ID,
                new TestingAuthenticationToken("customer", null), redirectUri, "state", scopes,
                new HashMap<>(parameters));
        return OAuth2AuthorizationCodeRequestAuthenticationContext.with(request).registeredClient(client).build();
    }
}
