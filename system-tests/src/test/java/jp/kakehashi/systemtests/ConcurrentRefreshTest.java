package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import org.junit.jupiter.api.Test;

/**
 * B7, B8: refresh tokens are not rotated (FAPI 2.0 §5.3.2.1), so a TPP's app and its server, or two of its workers,
 * may refresh one grant at the same moment: every refresh succeeds, and every access token issued works at
 * {@code /v1} until it expires, while ending the grant (by the customer, by the TPP revoking its refresh token, or a
 * replayed code, RFC 6749 §4.1.2) still stops every one of them at once.
 */
class ConcurrentRefreshTest {

    private static final int PARALLEL = 8;
    private static final int ROUNDS = 3;
    private static final String ACCOUNTS = "/v1/accounts";

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void refreshWhenManyRequestsOfOneGrantArriveAtOnceThenAllSucceedAndEveryAccessTokenWorksUntilTheGrantIsRevoked()
            throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")),
                "sato", "openid", "accounts");
        List<Connection> issued = new ArrayList<>(List.of(connection));

        for (int round = 0; round < ROUNDS; round++) {
            issued.addAll(refreshAtOnce(connection, i -> connection.tpp().metadata().getTokenEndpointURI()));
        }

        assertThat(issued).hasSize(1 + ROUNDS * PARALLEL);
        assertThat(issued.stream().map(c -> c.accessToken().getValue()).distinct()).hasSize(issued.size());
        for (Connection each : issued) {
            assertThat(new ApiClient(platform, each).get(ACCOUNTS).status()).as("every access token issued")
                    .isEqualTo(200);
        }

        assertThat(platform.bean(Grants.class).revokeByTpp(connection.grantId(),
                connection.tpp().clientId().getValue(), "test: the TPP ends the grant")).isTrue();

        for (Connection each : issued) {
            assertThat(new ApiClient(platform, each).get(ACCOUNTS).status()).as("after the grant was revoked")
                    .isEqualTo(401);
        }
    }

    @Test
    void revokeRefreshTokenWhenTheGrantWasRefreshedSeveralTimesThenEveryAccessTokenStops() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        Connection connection = Connection.establish(platform, tpp, "yamada", "openid", "accounts");
        List<Connection> issued = List.of(connection, refresh(connection, tpp.metadata().getTokenEndpointURI()),
                refresh(connection, tpp.metadata().getTokenEndpointURI()));
        for (Connection each : issued) {
            assertThat(new ApiClient(platform, each).get(ACCOUNTS).status()).isEqualTo(200);
        }

        var revocation = new TokenRevocationRequest(tpp.metadata().getRevocationEndpointURI(),
                tpp.clientAuthentication(), connection.refreshToken());
        assertThat(tpp.send(revocation.toHTTPRequest()).getStatusCode()).isEqualTo(200);

        for (Connection each : issued) {
            assertThat(new ApiClient(platform, each).get(ACCOUNTS).status()).isEqualTo(401);
        }
    }

    @Test
    void revokeAccessTokenWhenTheGrantHasSeveralThenOnlyThatOneStops() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        Connection connection = Connection.establish(platform, tpp, "sato", "openid", "accounts");
        Connection refreshed = refresh(connection, tpp.metadata().getTokenEndpointURI());

        var revocation = new TokenRevocationRequest(tpp.metadata().getRevocationEndpointURI(),
                tpp.clientAuthentication(), connection.accessToken());
        assertThat(tpp.send(revocation.toHTTPRequest()).getStatusCode()).isEqualTo(200);

        assertThat(new ApiClient(platform, connection).get(ACCOUNTS).status()).isEqualTo(401);
        assertThat(new ApiClient(platform, refreshed).get(ACCOUNTS).status()).isEqualTo(200);
        assertThat(refresh(connection, tpp.metadata().getTokenEndpointURI())).as("the grant stays").isNotNull();
    }

    @Test
    void codeWhenReplayedAfterRefreshesThenEveryAccessTokenOfTheGrantStops() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        CodeVerifier verifier = new CodeVerifier();
        var code = Connection.authorizationCode(platform, tpp, "sato", verifier, "openid", "accounts");
        var redemption = new AuthorizationCodeGrant(code, TestTpp.REDIRECT_URI, verifier);
        var tokens = ((OIDCTokenResponse) OIDCTokenResponseParser.parse(tpp.sendWithDpop(new TokenRequest(
                tpp.metadata().getTokenEndpointURI(), tpp.clientAuthentication(), redemption).toHTTPRequest(), null))
                .toSuccessResponse()).getOIDCTokens();
        Connection connection = new Connection(tpp, null, (DPoPAccessToken) tokens.getAccessToken(),
                tokens.getRefreshToken());
        List<Connection> issued = List.of(connection, refresh(connection, tpp.metadata().getTokenEndpointURI()),
                refresh(connection, tpp.metadata().getTokenEndpointURI()));

        HTTPResponse replay = tpp.sendWithDpop(new TokenRequest(tpp.metadata().getTokenEndpointURI(),
                tpp.clientAuthentication(), redemption).toHTTPRequest(), null);

        assertThat(replay.getStatusCode()).isEqualTo(400);
        for (Connection each : issued) {
            assertThat(new ApiClient(platform, each).get(ACCOUNTS).status()).as("after the code was replayed")
                    .isEqualTo(401);
        }
    }

    /**
     * {@value #PARALLEL} refreshes of {@code connection}'s grant released at the same instant, the i-th sent to
     * {@code tokenEndpoint.apply(i)}; each must succeed. Returns the connections with the new access tokens.
     */
    static List<Connection> refreshAtOnce(Connection connection, IntFunction<URI> tokenEndpoint) throws Exception {
        CountDownLatch ready = new CountDownLatch(PARALLEL);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Connection>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(PARALLEL)) {
            for (int i = 0; i < PARALLEL; i++) {
                URI endpoint = tokenEndpoint.apply(i);
                Callable<Connection> refresh = () -> {
                    var request = new TokenRequest(endpoint, connection.tpp().clientAuthentication(),
                            new RefreshTokenGrant(connection.refreshToken())).toHTTPRequest();
                    request.setDPoP(connection.tpp().dpop().createDPoPJWT("POST", endpoint));
                    ready.countDown();
                    go.await();
                    return connectionOf(connection, connection.tpp().send(request));
                };
                answers.add(clients.submit(refresh));
            }
            ready.await();
            go.countDown();
            List<Connection> refreshed = new ArrayList<>();
            for (Future<Connection> answer : answers) {
                refreshed.add(answer.get());
            }
            return refreshed;
        }
    }

    /** One refresh of {@code connection}'s grant at {@code tokenEndpoint}, which must succeed. */
    static Connection refresh(Connection connection, URI tokenEndpoint) throws Exception {
        var request = new TokenRequest(tokenEndpoint, connection.tpp().clientAuthentication(),
                new RefreshTokenGrant(connection.refreshToken())).toHTTPRequest();
        request.setDPoP(connection.tpp().dpop().createDPoPJWT("POST", tokenEndpoint));
        return connectionOf(connection, connection.tpp().send(request));
    }

    private static Connection connectionOf(Connection connection, HTTPResponse response) throws Exception {
        var parsed = OIDCTokenResponseParser.parse(response);
        assertThat(parsed.indicatesSuccess()).as("refresh answered %s %s", response.getStatusCode(),
                response.getBody()).isTrue();
        var access = (DPoPAccessToken) parsed.toSuccessResponse().getTokens().getAccessToken();
        return new Connection(connection.tpp(), connection.grantId(), access, connection.refreshToken());
    }
}
