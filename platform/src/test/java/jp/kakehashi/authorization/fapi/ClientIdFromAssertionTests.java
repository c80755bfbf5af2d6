package jp.kakehashi.authorization.fapi;

import static jp.kakehashi.authorization.fapi.TestFapiClients.CLIENT_ID;
import static jp.kakehashi.authorization.fapi.TestFapiClients.ecKey;
import static jp.kakehashi.authorization.fapi.TestFapiJwts.clientAssertion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

/**
 * RFC 7523 §3: {@code client_id} is optional next to a client assertion; the client is then the one the assertion's
 * {@code sub} names, to be verified by the provider (nothing is authenticated here). FAPI 2.0 §5.3.2.1, B1.
 */
class ClientIdFromAssertionTests {

    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final ClientIdFromAssertion converter = new ClientIdFromAssertion();

    @Test
    void convertWhenAssertionWithoutClientIdThenTheClientIsTheAssertionsSubjectNotYetAuthenticated() {
        String assertion = clientAssertion(ecKey(), CLIENT_ID, Instant.now()).serialize();

        var converted = (OAuth2ClientAuthenticationToken) converter.convert(tokenRequest(assertion));

        assertThat(converted.getPrincipal()).isEqualTo(CLIENT_ID);
        assertThat(converted.getClientAuthenticationMethod().getValue()).isEqualTo(JWT_BEARER);
        assertThat(converted.getCredentials()).isEqualTo(assertion);
        assertThat(converted.isAuthenticated()).isFalse();
    }

    @Test
    void convertWhenCodeRequestThenSpringStillSeesItsParameters() {
        var request = tokenRequest(clientAssertion(ecKey(), CLIENT_ID, Instant.now()).serialize());
        request.addParameter(OAuth2ParameterNames.GRANT_TYPE, "authorization_code");
        request.addParameter(OAuth2ParameterNames.CODE, "the-code");
        request.addParameter("code_verifier", "verifier");

        var converted = (OAuth2ClientAuthenticationToken) converter.convert(request);

        assertThat(converted.getAdditionalParameters()).containsEntry(OAuth2ParameterNames.CODE, "the-code")
                .containsEntry("code_verifier", "verifier");
    }

    @Test
    void convertWhenClientIdIsGivenThenLeftToSpringsConverter() {
        var request = tokenRequest(clientAssertion(ecKey(), CLIENT_ID, Instant.now()).serialize());
        request.addParameter(OAuth2ParameterNames.CLIENT_ID, CLIENT_ID);

        assertThat(converter.convert(request)).isNull();
    }

    @Test
    void convertWhenNoAssertionThenNull() {
        var request = new MockHttpServletRequest("POST", "/oauth2/token");
        request.addParameter(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE, JWT_BEARER);

        assertThat(converter.convert(request)).isNull();
    }

    @Test
    void convertWhenAnotherAssertionTypeThenNull() {
        var request = new MockHttpServletRequest("POST", "/oauth2/token");
        request.addParameter(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE, "urn:example:saml");
        request.addParameter(OAuth2ParameterNames.CLIENT_ASSERTION, "assertion");

        assertThat(converter.convert(request)).isNull();
    }

    @Test
    void convertWhenTheAssertionIsNotAJwtThenThrowInvalidClient() {
        assertInvalidClient(tokenRequest("not-a-jwt"));
    }

    @Test
    void convertWhenTheAssertionHasNoSubThenThrowInvalidClient() {
        assertInvalidClient(tokenRequest(clientAssertion(ecKey(), CLIENT_ID, Instant.now()).claim("sub", null)
                .serialize()));
    }

    @Test
    void convertWhenTheAssertionsSubIsBlankThenThrowInvalidClient() {
        assertInvalidClient(tokenRequest(clientAssertion(ecKey(), CLIENT_ID, Instant.now()).claim("sub", " ")
                .serialize()));
    }

    private void assertInvalidClient(MockHttpServletRequest request) {
        assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> converter.convert(request))
                .extracting(e -> e.getError().getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_CLIENT);
    }

    private static MockHttpServletRequest tokenRequest(String assertion) {
        var request = new MockHttpServletRequest("POST", "/oauth2/token");
        request.addParameter(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE, JWT_BEARER);
        request.addParameter(OAuth2ParameterNames.CLIENT_ASSERTION, assertion);
        return request;
    }
}
