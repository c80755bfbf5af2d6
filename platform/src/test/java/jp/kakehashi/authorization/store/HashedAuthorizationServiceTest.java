package jp.kakehashi.authorization.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.authorization.customer.AuthenticationLevel;
import jp.kakehashi.authorization.customer.CustomerAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** B7, C2: the store keeps only token hashes, finds tokens by value, and refuses concurrent updates of a grant. */
@PlatformTest
class HashedAuthorizationServiceTest {

    @Autowired
    HashedAuthorizationService store;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    JdbcClient jdbc;

    @Test
    void saveWhenTokensIssuedThenOnlyHashesAreStoredAndLookupsByValueWork() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var authorization = authorization("code-value-1", "access-value-1", "refresh-value-1", now);

        store.save(authorization);

        String everything = jdbc.sql("select string_agg(t::text, ' ') from oauth_token t").query(String.class).single()
                + jdbc.sql("select string_agg(a::text, ' ') from oauth_authorization a").query(String.class).single();
        assertThat(everything).doesNotContain("code-value-1", "access-value-1", "refresh-value-1");
        var found = store.findByToken("access-value-1", OAuth2TokenType.ACCESS_TOKEN);
        assertThat(found).isNotNull();
        assertThat(found.getAccessToken().getToken().getTokenValue()).isEqualTo("access-value-1");
        assertThat(found.getAccessToken().getToken().getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.DPOP);
        assertThat(found.getAccessToken().getToken().getExpiresAt()).isEqualTo(now.plusSeconds(300));
        assertThat(found.getRefreshToken().getToken().getTokenValue()).startsWith(TokenHash.PREFIX);
        assertThat((CustomerAuthentication) found.getAttribute(Principal.class.getName()))
                .extracting(CustomerAuthentication::customerId, CustomerAuthentication::acr)
                .containsExactly("C0001", AuthenticationLevel.MFA);
        assertThat(store.findByToken("access-value-1", OAuth2TokenType.REFRESH_TOKEN)).isNull();
        assertThat(store.findByToken("unknown", null)).isNull();
    }

    @Test
    void findByTokenWhenAStoredHashIsPresentedAsTheTokenThenNothingIsFound() {
        // C2: reading oauth_token must not be enough to use a token: its stored hash is no token
        String suffix = java.util.UUID.randomUUID().toString();
        var authorization = authorization("code-" + suffix, "access-" + suffix, "refresh-" + suffix,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        store.save(authorization);
        List<String> stored = jdbc.sql("select token_hash from oauth_token where authorization_id = ?")
                .param(authorization.getId()).query(String.class).list();
        assertThat(stored).hasSize(3);

        for (String hash : stored) {
            assertThat(store.findByToken(TokenHash.PREFIX + hash, null)).as(hash).isNull();
            assertThat(store.findByToken(hash, null)).as(hash).isNull();
        }
        assertThat(store.findByToken("refresh-" + suffix, OAuth2TokenType.REFRESH_TOKEN)).isNotNull();
    }

    @Test
    void saveWhenTwoUpdatesRaceFromTheSameVersionThenTheSecondIsRefused() {
        Instant now = Instant.now();
        store.save(authorization("code-value-2", null, null, now));
        var first = store.findByToken("code-value-2", new OAuth2TokenType("code"));
        var second = store.findByToken("code-value-2", new OAuth2TokenType("code"));

        store.save(OAuth2Authorization.from(first).invalidate(first.getToken(OAuth2AuthorizationCode.class).getToken())
                .build());

        assertThatThrownBy(() -> store.save(OAuth2Authorization.from(second)
                .invalidate(second.getToken(OAuth2AuthorizationCode.class).getToken()).build()))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasFieldOrPropertyWithValue("error.errorCode", "invalid_grant");
    }

    @Test
    void invalidateGrantWhenGrantRevokedThenEveryTokenIsInactive() {
        store.save(authorization("code-value-3", "access-value-3", "refresh-value-3", Instant.now()));
        var saved = store.findByToken("access-value-3", OAuth2TokenType.ACCESS_TOKEN);

        assertThat(store.invalidateGrant(saved.getId(), null)).isEqualTo(3);

        var after = store.findByToken("refresh-value-3", OAuth2TokenType.REFRESH_TOKEN);
        assertThat(after.getRefreshToken().isActive()).isFalse();
        assertThat(after.getAccessToken().isActive()).isFalse();
    }

    @Test
    void saveWhenRefreshedThenEarlierAccessTokensStayAndEachLookupRestoresItsOwn() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.save(authorization("code-value-5", "access-value-5", "refresh-value-5", now));
        var loaded = store.findByToken("refresh-value-5", OAuth2TokenType.REFRESH_TOKEN);

        store.save(OAuth2Authorization.from(loaded).token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.DPOP,
                "access-value-5b", now.plusSeconds(1), now.plusSeconds(301), Set.of("accounts"))).build());

        var earlier = store.findByToken("access-value-5", OAuth2TokenType.ACCESS_TOKEN);
        assertThat(earlier).as("refresh tokens are not rotated: the earlier access token lives on (B7)").isNotNull();
        assertThat(earlier.getAccessToken().getToken().getTokenValue()).isEqualTo("access-value-5");
        assertThat(earlier.getAccessToken().isActive()).isTrue();
        assertThat(store.findByToken("access-value-5b", OAuth2TokenType.ACCESS_TOKEN).getAccessToken().getToken()
                .getTokenValue()).isEqualTo("access-value-5b");
        assertThat(store.findByToken("refresh-value-5", OAuth2TokenType.REFRESH_TOKEN).getAccessToken().getToken()
                .getExpiresAt()).as("any other look-up: the newest").isEqualTo(now.plusSeconds(301));
    }

    @Test
    void saveWhenRefreshTokenInvalidatedThenEveryAccessTokenOfTheAuthorizationIsInactive() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.save(authorization("code-value-6", "access-value-6", "refresh-value-6", now));
        var loaded = store.findByToken("refresh-value-6", OAuth2TokenType.REFRESH_TOKEN);
        store.save(OAuth2Authorization.from(loaded).token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.DPOP,
                "access-value-6b", now.plusSeconds(1), now.plusSeconds(301), Set.of("accounts"))).build());
        var refreshed = store.findByToken("refresh-value-6", OAuth2TokenType.REFRESH_TOKEN);

        // as Spring does when a used code is presented again (RFC 6749 §4.1.2) or the refresh token is revoked
        store.save(OAuth2Authorization.from(refreshed).invalidate(refreshed.getRefreshToken().getToken()).build());

        assertThat(store.findByToken("access-value-6", OAuth2TokenType.ACCESS_TOKEN).getAccessToken().isActive())
                .isFalse();
        assertThat(store.findByToken("access-value-6b", OAuth2TokenType.ACCESS_TOKEN).getAccessToken().isActive())
                .isFalse();
    }

    private OAuth2Authorization authorization(String code, String access, String refresh, Instant now) {
        var client = clients.findByClientId("demo-kakeibo");
        var request = OAuth2AuthorizationRequest.authorizationCode().authorizationUri("https://localhost/oauth2/authorize")
                .clientId("demo-kakeibo").redirectUri("https://localhost:8444/callback").scopes(Set.of("accounts"))
                .state("s").additionalParameters(java.util.Map.of("code_challenge", "x", "dpop_jkt", "y")).build();
        var builder = OAuth2Authorization.withRegisteredClient(client).principalName("C0001")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).authorizedScopes(Set.of("accounts"))
                .attribute(OAuth2AuthorizationRequest.class.getName(), request)
                .attribute(Principal.class.getName(), new CustomerAuthentication("C0001", "yamada", "山田 太郎",
                        "INDIVIDUAL", AuthenticationLevel.MFA, List.of("pwd", "otp"), now))
                .token(new OAuth2AuthorizationCode(code, now, now.plusSeconds(60)));
        if (access != null) {
            builder.token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.DPOP, access, now, now.plusSeconds(300),
                    Set.of("accounts")), m -> m.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME,
                            java.util.Map.of("sub", "C0001", "iat", now, "cnf", java.util.Map.of("jkt", "abc"))));
            builder.refreshToken(new OAuth2RefreshToken(refresh, now, now.plusSeconds(3600)));
        }
        return builder.build();
    }
}
