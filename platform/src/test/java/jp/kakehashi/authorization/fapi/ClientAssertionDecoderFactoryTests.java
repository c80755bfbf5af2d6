package jp.kakehashi.authorization.fapi;

import static jp.kakehashi.authorization.fapi.TestFapiClients.CLIENT_ID;
import static jp.kakehashi.authorization.fapi.TestFapiClients.ISSUER;
import static jp.kakehashi.authorization.fapi.TestFapiClients.TOKEN_URI;
import static jp.kakehashi.authorization.fapi.TestFapiClients.dpopClient;
import static jp.kakehashi.authorization.fapi.TestFapiClients.ecKey;
import static jp.kakehashi.authorization.fapi.TestFapiClients.ed25519Key;
import static jp.kakehashi.authorization.fapi.TestFapiClients.rsaKey;
import static jp.kakehashi.authorization.fapi.TestFapiJwts.clientAssertion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.Payload;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import jp.kakehashi.authorization.replay.JtiKind;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * {@code private_key_jwt} client assertions (FAPI 2.0 §5.3.2.1, RFC 7523 §3, B1): PS256, ES256 or EdDSA signed by a
 * key the client registered; {@code aud} exactly the issuer as a string; {@code iss} and {@code sub} the client;
 * {@code exp} present and at most an hour ahead; {@code iat}/{@code nbf} at most 60 s ahead; {@code jti} used once in
 * the cluster (B7). Claim refusals are {@code invalid_client}; Spring's provider turns every refusal into it.
 */
class ClientAssertionDecoderFactoryTests {

    /** The client authentication method Spring's converter gives a token request with a client assertion. */
    private static final ClientAuthenticationMethod JWT_BEARER =
            new ClientAuthenticationMethod("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final MemorySeenJtis seenJtis = new MemorySeenJtis();
    private final ClientAssertionDecoderFactory factory =
            new ClientAssertionDecoderFactory(ISSUER, seenJtis, Clock.fixed(NOW, ZoneOffset.UTC));
    private final ECKey key = ecKey();
    private final RegisteredClient client = dpopClient(key).build();

    @Test
    void decodeWhenEs256AssertionOfTheClientThenDecodedAndItsJtiRecordedUntilItExpires() {
        var assertion = clientAssertion(key, CLIENT_ID, NOW);

        Jwt decoded = decode(client, assertion.serialize());

        assertThat(decoded.getSubject()).isEqualTo(CLIENT_ID);
        assertThat(seenJtis.uses).singleElement().satisfies(use -> {
            assertThat(use.kind()).isEqualTo(JtiKind.CLIENT_ASSERTION);
            assertThat(use.scope()).isEqualTo(CLIENT_ID);
            assertThat(use.jti()).isEqualTo(decoded.getId());
            assertThat(use.keepUntil()).isEqualTo(NOW.plusSeconds(300));
        });
    }

    @Test
    void decodeWhenPs256AssertionThenDecoded() {
        var rsa = rsaKey();

        assertThat(decode(dpopClient(rsa).build(), clientAssertion(rsa, CLIENT_ID, NOW).serialize())).isNotNull();
    }

    @Test
    void decodeWhenEdDsaAssertionWithARegisteredEd25519KeyThenDecoded() {
        var ed25519 = ed25519Key();

        assertThat(decode(dpopClient(ed25519).build(), clientAssertion(ed25519, CLIENT_ID, NOW).serialize()))
                .isNotNull();
    }

    @Test
    void decodeWhenRs256ThenThrowBadJwtException() {
        var rsa = rsaKey();
        String assertion = clientAssertion(rsa, CLIENT_ID, NOW).algorithm(JWSAlgorithm.RS256).serialize();

        assertRefused(dpopClient(rsa).build(), assertion, "PS256, ES256 or EdDSA");
    }

    @Test
    void decodeWhenHs256ThenThrowBadJwtException() {
        String assertion = TestFapiJwts.hs256(Map.of("iss", CLIENT_ID, "sub", CLIENT_ID, "aud", ISSUER, "jti", "1",
                "exp", NOW.plusSeconds(60).getEpochSecond()));

        assertRefused(client, assertion, "PS256, ES256 or EdDSA");
    }

    @Test
    void decodeWhenUnsignedThenThrowBadJwtException() {
        String assertion = new PlainObject(new PlainHeader(), new Payload(Map.<String, Object>of("iss", CLIENT_ID,
                "sub", CLIENT_ID, "aud", ISSUER, "jti", "1", "exp", NOW.plusSeconds(60).getEpochSecond()))).serialize();

        assertRefused(client, assertion, "not a signed JWT");
    }

    @Test
    void decodeWhenSignedWithAKeyTheClientDidNotRegisterThenThrowBadJwtException() {
        String assertion = clientAssertion(key, CLIENT_ID, NOW).signedWith(ecKey()).serialize();

        assertRefused(client, assertion, "does not verify with the client's keys");
    }

    @Test
    void decodeWhenTheClientRegisteredNoKeysThenThrowBadJwtException() {
        assertRefused(dpopClient().build(), clientAssertion(key, CLIENT_ID, NOW).serialize(),
                "does not verify with the client's keys");
    }

    @Test
    void decodeWhenTypIsNotJwtThenThrowBadJwtException() {
        String assertion = clientAssertion(key, CLIENT_ID, NOW).type("dpop+jwt").serialize();

        assertRefused(client, assertion, "typ");
    }

    @Test
    void decodeWhenAudIsAnArrayHoldingTheIssuerThenThrowBadJwtException() {
        String assertion = clientAssertion(key, CLIENT_ID, NOW).claim("aud", List.of(ISSUER)).serialize();

        assertRefused(client, assertion, "aud must be the issuer identifier as a string");
        assertThat(seenJtis.uses).isEmpty();
    }

    @Test
    void decodeWhenNoAudThenThrowBadJwtException() {
        String assertion = clientAssertion(key, CLIENT_ID, NOW).claim("aud", null).serialize();

        assertRefused(client, assertion, "aud must be the issuer identifier as a string");
    }

    @Test
    void decodeWhenAudIsTheTokenEndpointThenThrowInvalidClient() {
        String assertion = clientAssertion(key, CLIENT_ID, NOW).claim("aud", TOKEN_URI).serialize();

        assertInvalidClient(assertion, "aud must be the issuer identifier " + ISSUER);
        assertThat(seenJtis.uses).as("a refused assertion's jti is not recorded").isEmpty();
    }

    @Test
    void decodeWhenIssIsNotTheClientThenThrowInvalidClient() {
        assertInvalidClient(clientAssertion(key, CLIENT_ID, NOW).claim("iss", "other-client").serialize(),
                "iss and sub must be the client_id");
    }

    @Test
    void decodeWhenSubIsNotTheClientThenThrowInvalidClient() {
        assertInvalidClient(clientAssertion(key, CLIENT_ID, NOW).claim("sub", "other-client").serialize(),
                "iss and sub must be the client_id");
    }

    @Test
    void decodeWhenNoExpThenThrowInvalidClient() {
        assertInvalidClient(clientAssertion(key, CLIENT_ID, NOW).claim("exp", null).serialize(),
                "exp is missing or in the past");
    }

    @Test
    void decodeWhenExpIsNowThenThrowInvalidClient() {
        assertInvalidClient(clientAssertion(key, CLIENT_ID, NOW.minusSeconds(60)).claim("exp", NOW.getEpochSecond())
                .serialize(), "exp is missing or in the past");
    }

    @Test
    void decodeWhenExpiredThenThrowInvalidClient() {
        assertInvalidClient(clientAssertion(key, CLIENT_ID, NOW.minusSeconds(120))
                .claim("exp", NOW.minusSeconds(1).getEpochSecond()).serialize(), "exp is missing or in the past");
    }

    @Test
    void decodeWhenExpIsMoreThanAnHourAheadThenThrowInvalidClient() {
        assertInvalidClient(clientAssertion(key, CLIENT_ID, NOW).claim("exp", NOW.plusSeconds(3601).getEpochSecond())
                .serialize(), "exp is too far in the future");
    }

    @Test
    void decodeWhenExpIsExactlyAnHourAheadThenDecoded() {
        String assertion = clientAssertion(key, CLIENT_ID, NOW).claim("exp", NOW.plusSeconds(3600).getEpochSecond())
                .serialize();

        assertThat(decode(client, assertion)).isNotNull();
    }

    @Test
    void decodeWhenIatIsMoreThan60SecondsAheadThenThrowInvalidClient() {
        assertInvalidClient(clientAssertion(key, CLIENT_ID, NOW).issuedAt(NOW.plusSeconds(61)).serialize(),
                "iat or nbf is in the future");
    }

    @Test
    void decodeWhenIatIs60SecondsAheadThenDecoded() {
        assertThat(decode(client, clientAssertion(key, CLIENT_ID, NOW).issuedAt(NOW.plusSeconds(60)).serialize()))
                .isNotNull();
    }

    @Test
    void decodeWhenNbfIsMoreThan60SecondsAheadThenThrowInvalidClient() {
        assertInvalidClient(clientAssertion(key, CLIENT_ID, NOW).claim("nbf", NOW.plusSeconds(61).getEpochSecond())
                .serialize(), "iat or nbf is in the future");
    }

    @Test
    void decodeWhenNoJtiThenThrowInvalidClient() {
        assertInvalidClient(clientAssertion(key, CLIENT_ID, NOW).claim("jti", null).serialize(), "jti is required");
    }

    @Test
    void decodeWhenBlankJtiThenThrowInvalidClient() {
        assertInvalidClient(clientAssertion(key, CLIENT_ID, NOW).claim("jti", " ").serialize(), "jti is required");
    }

    @Test
    void decodeWhenTheJtiWasUsedAlreadyThenThrowInvalidClient() {
        decode(client, clientAssertion(key, CLIENT_ID, NOW).claim("jti", "once").serialize());
        String replay = clientAssertion(key, CLIENT_ID, NOW.plusSeconds(1)).claim("jti", "once").serialize();

        assertInvalidClient(replay, "client assertion jti was already used");
    }

    @Test
    void decodeWhenAnotherClientUsedTheSameJtiThenDecoded() {
        var otherKey = ecKey();
        var other = TestFapiClients.client("other-client", ClientAuthenticationMethod.PRIVATE_KEY_JWT, "dpop", otherKey)
                .build();
        decode(other, clientAssertion(otherKey, "other-client", NOW).claim("jti", "shared").serialize());

        assertThat(decode(client, clientAssertion(key, CLIENT_ID, NOW).claim("jti", "shared").serialize()))
                .as("jtis are recorded per client").isNotNull();
    }

    @Test
    void authenticateWhenSpringsProviderUsesThisFactoryThenValidAssertionAuthenticatesAndAReplayIsInvalidClient() {
        RegisteredClientRepository clients = mock(RegisteredClientRepository.class);
        when(clients.findByClientId(eq(CLIENT_ID))).thenReturn(client);
        var provider = new JwtClientAssertionAuthenticationProvider(clients, mock(OAuth2AuthorizationService.class));
        provider.setJwtDecoderFactory(factory);
        String assertion = clientAssertion(key, CLIENT_ID, NOW).serialize();

        var authenticated = provider.authenticate(
                new OAuth2ClientAuthenticationToken(CLIENT_ID, JWT_BEARER, assertion, Map.of()));

        assertThat(authenticated.isAuthenticated()).isTrue();
        assertThatExceptionOfType(OAuth2AuthenticationException.class)
                .isThrownBy(() -> provider.authenticate(new OAuth2ClientAuthenticationToken(CLIENT_ID, JWT_BEARER,
                        assertion, Map.of())))
                .extracting(e -> e.getError().getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_CLIENT);
    }

    private Jwt decode(RegisteredClient client, String assertion) {
        return factory.createDecoder(client).decode(assertion);
    }

    private void assertRefused(RegisteredClient client, String assertion, String message) {
        assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decode(client, assertion))
                .withMessageContaining(message);
    }

    private void assertInvalidClient(String assertion, String description) {
        assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> decode(client, assertion))
                .satisfies(e -> assertThat(e.getErrors()).singleElement().satisfies(error -> {
                    assertThat(error.getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_CLIENT);
                    assertThat(error.getDescription()).isEqualTo(description);
                }));
    }
}
