package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.SecondNodeExtension;
import jp.kakehashi.systemtests.support.TestTpp;
import jp.kakehashi.tpp.StaffDecision;
import jp.kakehashi.tpp.TppLifecycle;
import jp.kakehashi.systemtests.support.CustomerAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A6, C5, E1 on two application nodes sharing one database (B8): a suspension decided on one node makes the
 * TPP's outstanding tokens fail on both within one second, although both had them cached; a resumption brings them
 * back (a suspension keeps grants and data), a restriction takes one right away, a revocation ends the grants.
 */
class TppSuspensionTest {

    private static final String ACCOUNTS = "/v1/accounts";
    private static final String BALANCES = "/v1/accounts/001011234567/balances";
    @RegisterExtension
    static final SecondNodeExtension secondNode = new SecondNodeExtension();

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void suspendWhenDecidedOnOneNodeThenTheTppsTokensFailOnBothWithinOneSecondAndResumeBringsThemBack()
            throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "balances"));
        Connection connection = ApiClient.connect(platform, tpp, "yamada", List.of("001011234567"), "openid",
                "accounts", "balances");
        List<ApiClient> nodes = bothNodes(connection);
        for (ApiClient node : nodes) {
            assertThat(node.get(ACCOUNTS).status()).isEqualTo(200);
            assertThat(node.get(ACCOUNTS).status()).as("now served from the node's token cache").isEqualTo(200);
        }

        boolean suspended = secondNode.bean(TppLifecycle.class)
                .suspend(tpp.tppId(), new StaffDecision("不正アクセスの疑い", "operator", "approver")).moved();

        assertThat(suspended).isTrue();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> answerOnBoth(nodes, ACCOUNTS, 401));
        assertThat(connectedServicesOf("yamada")).as("a suspension keeps the customer's grant")
                .contains(connection.grantId());

        platform.bean(TppLifecycle.class).resume(tpp.tppId(), new StaffDecision("調査完了", "operator", "approver"));
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> answerOnBoth(nodes, ACCOUNTS, 200));
    }

    @Test
    void restrictWhenAScopeIsTakenAwayThenOnlyThatRightIsRefusedOnBothNodes() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "balances"));
        Connection connection = ApiClient.connect(platform, tpp, "yamada", List.of("001011234567"), "openid",
                "accounts", "balances");
        List<ApiClient> nodes = bothNodes(connection);
        for (ApiClient node : nodes) {
            assertThat(node.get(BALANCES).status()).isEqualTo(200);
        }

        platform.bean(TppLifecycle.class).restrict(tpp.tppId(), Set.of("balances"),
                new StaffDecision("残高照会の過剰な呼び出し", "operator", "approver"));

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> answerOnBoth(nodes, BALANCES, 403));
        for (ApiClient node : nodes) {
            assertThat(node.get(ACCOUNTS).status()).as("the rights not restricted stay").isEqualTo(200);
        }
    }

    @Test
    void revokeWhenDecidedThenEveryGrantOfTheTppEndsAndItsClientCannotComeBack() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        Connection connection = Connection.establish(platform, tpp, "sato", "openid", "accounts");
        List<ApiClient> nodes = bothNodes(connection);
        assertThat(nodes.getFirst().get(ACCOUNTS).status()).isEqualTo(200);
        assertThat(connectedServicesOf("sato")).contains(connection.grantId());

        platform.bean(TppLifecycle.class).revoke(tpp.tppId(), new StaffDecision("契約解除", "operator", "approver"));

        assertThat(answerOnBoth(nodes, ACCOUNTS, 401)).isTrue();
        assertThat(connectedServicesOf("sato")).as("the customer sees the connection ended")
                .doesNotContain(connection.grantId());
        var refresh = tpp.send(new com.nimbusds.oauth2.sdk.TokenRequest(tpp.metadata().getTokenEndpointURI(),
                tpp.clientAuthentication(), new com.nimbusds.oauth2.sdk.RefreshTokenGrant(connection.refreshToken()))
                .toHTTPRequest());
        assertThat(refresh.getStatusCode()).as("a revoked TPP has no client any more").isEqualTo(401);
        assertThat(refresh.getBody()).contains("invalid_client");
    }

    /** The grants the customer's connected-services page lists, as the customer sees them (D2). */
    private List<String> connectedServicesOf(String loginId) throws Exception {
        CustomerAgent customer = new CustomerAgent(platform);
        customer.signIn(loginId, "Kakehashi#2026");
        return customer.connectedGrants();
    }

    private List<ApiClient> bothNodes(Connection connection) {
        return List.of(new ApiClient(platform, connection), new ApiClient(platform, connection, secondNode.port()));
    }

    private static boolean answerOnBoth(List<ApiClient> nodes, String path, int status) throws Exception {
        for (ApiClient node : nodes) {
            if (node.get(path).status() != status) {
                return false;
            }
        }
        return true;
    }
}
