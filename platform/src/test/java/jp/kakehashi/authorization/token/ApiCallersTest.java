package jp.kakehashi.authorization.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import jp.kakehashi.shared.ApiCaller;
import jp.kakehashi.shared.ClientId;
import jp.kakehashi.shared.CustomerId;
import jp.kakehashi.shared.GrantId;
import jp.kakehashi.shared.TppId;
import jp.kakehashi.tpp.ClientOwners;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authorization module reads the caller of the API once from the access token it issued (B2, B3), so that the
 * banking module takes a value instead of reading claims by name.
 */
class ApiCallersTest {

    private final ClientOwners owners = mock(ClientOwners.class);
    private final ApiCallers callers = new ApiCallers(owners);

    @Test
    void ofWhenACustomersTokenThenCustomerTppClientGrantScopesAndSignInLevel() {
        when(owners.tppOf("client-1")).thenReturn("tpp-1");
        Jwt token = Jwt.withTokenValue("t").header("alg", "ES256").subject("C0001").claim("client_id", "client-1")
                .claim("grant_id", "g-1").claim("scope", List.of("accounts", "transfers"))
                .claim("acr", "urn:kakehashi:acr:mfa").jti("jti-1").issuedAt(Instant.EPOCH).build();

        assertThat(callers.of(token)).isEqualTo(new ApiCaller(new CustomerId("C0001"), new TppId("tpp-1"),
                new ClientId("client-1"), new GrantId("g-1"), Set.of("accounts", "transfers"), true, "jti-1"));
    }

    @Test
    void ofWhenPasswordOnlyAndNoGrantThenSingleFactorAndNoGrant() {
        Jwt token = Jwt.withTokenValue("t").header("alg", "ES256").claim("client_id", "client-2")
                .claim("acr", "urn:kakehashi:acr:password").issuedAt(Instant.EPOCH).build();

        ApiCaller caller = callers.of(token);

        assertThat(caller.secondFactor()).isFalse();
        assertThat(caller.grant()).isNull();
        assertThat(caller.customer()).isNull();
        assertThat(caller.tpp()).isNull();
        assertThat(caller.tokenId()).isEqualTo(Instant.EPOCH.toString());
    }
}
