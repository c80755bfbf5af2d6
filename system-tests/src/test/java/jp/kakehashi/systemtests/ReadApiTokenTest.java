package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.ApiClient.Response;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.CustomerAgent;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * B7, B8 on the read API: only a live, sender-constrained token with the resource's scope reads. A revoked grant
 * stops its token at once, an expired grant too, a DPoP-bound token sent as Bearer or without its proof is refused,
 * and a missing scope is a 403 — each with the challenge of its scheme and the API's JSON error body.
 */
class ReadApiTokenTest {

    private static final String SATO = "102013456789";
    private static final Set<String> READ_SCOPES = Set.of("accounts", "balances", "transactions");

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void readsWhenScopeWasNotGrantedThenInsufficientScopeInTheDpopScheme() throws Exception {
        TestTpp accountsOnly = TestTpp.register(platform, Set.of("accounts"));
        ApiClient client = new ApiClient(platform, Connection.establish(platform, accountsOnly, "sato", "openid",
                "accounts"));

        assertThat(client.get("/v1/accounts").status()).isEqualTo(200);
        for (String resource : List.of("balances", "transactions")) {
            Response response = client.get("/v1/accounts/" + SATO + "/" + resource);

            assertThat(response.status()).as(resource).isEqualTo(403);
            assertThat(response.json()).containsEntry("errorCode", "INSUFFICIENT_SCOPE");
            assertThat(response.header("WWW-Authenticate")).startsWith("DPoP ")
                    .contains("error=\"insufficient_scope\"");
        }
    }

    @Test
    void readsWhenDpopTokenIsSentAsBearerThenInvalidToken() throws Exception {
        Response response = new ApiClient(platform, Connection.establish(platform,
                TestTpp.register(platform, READ_SCOPES), "sato", "openid", "accounts")).getAsBearer("/v1/accounts");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json()).containsEntry("errorCode", "INVALID_TOKEN");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
    }

    @Test
    void readsWhenNoTokenThenInvalidTokenChallengingBothSchemes() throws Exception {
        Response response = ApiClient.getPublic(platform, "/v1/accounts");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json()).containsEntry("errorCode", "INVALID_TOKEN");
        assertThat(response.headers().entrySet().stream().filter(e -> "WWW-Authenticate".equalsIgnoreCase(e.getKey()))
                .flatMap(e -> e.getValue().stream()).map(v -> v.split(" ")[0]).toList())
                .contains("Bearer", "DPoP");
    }

    @Test
    void readsWhenDpopProofIsMissingThenInvalidTokenInTheDpopScheme() throws Exception {
        var request = new com.nimbusds.oauth2.sdk.http.HTTPRequest(com.nimbusds.oauth2.sdk.http.HTTPRequest.Method.GET,
                platform.uri("/v1/accounts"));
        Connection connection = Connection.establish(platform, TestTpp.register(platform, READ_SCOPES), "yamada",
                "openid", "accounts");
        request.setAuthorization(connection.accessToken().toAuthorizationHeader());

        var response = connection.tpp().send(request);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaderValue("WWW-Authenticate")).startsWith("DPoP");
        assertThat(response.getBody()).contains("\"errorCode\":\"INVALID_TOKEN\"");
    }

    @Test
    void readsWhenGrantIsRevokedThenInvalidTokenAtOnce() throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, READ_SCOPES), "sato",
                "openid", "accounts", "balances");
        ApiClient client = new ApiClient(platform, connection);
        assertThat(client.get("/v1/accounts/" + SATO + "/balances").status()).isEqualTo(200);

        CustomerAgent sato = new CustomerAgent(platform);
        sato.signIn("sato", "Kakehashi#2026");
        assertThat(sato.revokeConnection(connection.grantId())).as("the customer ends the connection").isEqualTo(302);
        Response response = client.get("/v1/accounts/" + SATO + "/balances");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json()).containsEntry("errorCode", "INVALID_TOKEN");
        assertThat(response.header("WWW-Authenticate")).startsWith("DPoP").contains("error=\"invalid_token\"");
    }

    @Test
    void readsWhenGrantHasExpiredThenInvalidToken() throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, READ_SCOPES), "sato",
                "openid", "accounts", "balances");
        // the grant reached its end (90 days for these scopes) while the access token itself is still fresh
        int aged = platform.bean(JdbcClient.class)
                .sql("update grants set expires_at = now() - interval '1 second' where id = ?")
                .param(connection.grantId()).update();
        assertThat(aged).isEqualTo(1);

        Response response = new ApiClient(platform, connection).get("/v1/accounts/" + SATO + "/balances");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json()).containsEntry("errorCode", "INVALID_TOKEN");
    }
}
