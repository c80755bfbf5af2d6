package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.CustomerAgent;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.SecondNodeExtension;
import jp.kakehashi.systemtests.support.TestTpp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * B8 with several nodes: a node that has the access token cached (it just served the TPP) stops accepting it as soon
 * as another node revokes the grant, through PostgreSQL NOTIFY, without waiting for the cache entry to age out.
 */
class TokenCacheInvalidationTest {

    @RegisterExtension
    static final SecondNodeExtension secondNode = new SecondNodeExtension();

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void revokeWhenAnotherNodeRevokesThenTheCachingNodeRefusesWithinMoments() throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")), "sato",
                "openid", "accounts");
        assertThat(connection.userInfoStatus()).isEqualTo(200);
        assertThat(connection.userInfoStatus()).as("served again, now from this node's cache").isEqualTo(200);

        boolean revoked = secondNode.bean(Grants.class).revokeByCustomer(connection.grantId(), "C0002");

        assertThat(revoked).isTrue();
        // the notification crosses nodes asynchronously; far sooner than the cache's own 30-second limit
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> connection.userInfoStatus() == 401);
    }

    @Test
    void revokeWhenThisNodeRevokesThenRefusedAtOnce() throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")), "sato",
                "openid", "accounts");
        assertThat(connection.userInfoStatus()).isEqualTo(200);

        CustomerAgent sato = new CustomerAgent(platform);
        sato.signIn("sato", "Kakehashi#2026");
        assertThat(sato.revokeConnection(connection.grantId())).as("the customer ends the connection").isEqualTo(302);

        assertThat(connection.userInfoStatus()).isEqualTo(401);
    }
}
