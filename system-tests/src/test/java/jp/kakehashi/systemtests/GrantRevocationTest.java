package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.shared.TppId;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import java.util.List;
import jp.kakehashi.systemtests.support.CustomerAgent;
import org.junit.jupiter.api.Test;

/**
 * B8, C5: access can be revoked at once per grant, per customer and per TPP; other grants keep working. A TPP that
 * revokes its refresh token (RFC 7009) ends the grant.
 */
class GrantRevocationTest {

    private final RunningPlatform platform = RunningPlatform.get();
    private final Grants grants = platform.bean(Grants.class);

    @Test
    void revokeAllOfTppWhenTppIsCutOffThenOnlyItsTokensStopAtOnce() throws Exception {
        TestTpp cutOff = TestTpp.register(platform, Set.of("accounts"));
        TestTpp other = TestTpp.register(platform, Set.of("accounts"));
        Connection first = Connection.establish(platform, cutOff, "sato", "openid", "accounts");
        Connection second = Connection.establish(platform, cutOff, "yamada", "openid", "accounts");
        Connection unrelated = Connection.establish(platform, other, "sato", "openid", "accounts");

        int revoked = grants.revokeAllOfTpp(new TppId(cutOff.tppId()), "staff:test", "fraud detected");

        assertThat(revoked).isEqualTo(2);
        assertThat(first.userInfoStatus()).isEqualTo(401);
        assertThat(second.userInfoStatus()).isEqualTo(401);
        assertThat(unrelated.userInfoStatus()).isEqualTo(200);
    }

    @Test
    void revokeAllOfCustomerWhenCustomerIsCompromisedThenEveryTppLosesThatCustomerOnly() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        TestTpp another = TestTpp.register(platform, Set.of("balances"));
        Connection a = Connection.establish(platform, tpp, "kakehashi-shoji", "openid", "accounts");
        Connection b = Connection.establish(platform, another, "kakehashi-shoji", "openid", "balances");
        Connection someoneElse = Connection.establish(platform, tpp, "yamada", "openid", "accounts");

        grants.revokeAllOfCustomer("C0003", "staff:test", "account takeover");

        assertThat(a.userInfoStatus()).isEqualTo(401);
        assertThat(b.userInfoStatus()).isEqualTo(401);
        assertThat(someoneElse.userInfoStatus()).isEqualTo(200);
    }

    @Test
    void revokeByCustomerWhenGrantBelongsToAnotherCustomerThenNothingHappens() throws Exception {
        Connection yamadas = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")), "yamada",
                "openid", "accounts");

        assertThat(grants.revokeByCustomer(yamadas.grantId(), "C0002")).isFalse();
        assertThat(yamadas.userInfoStatus()).isEqualTo(200);
        assertThat(grants.revokeByCustomer(yamadas.grantId(), "C0001")).isTrue();
        assertThat(yamadas.userInfoStatus()).isEqualTo(401);
    }

    @Test
    void revokeRefreshTokenWhenTppDisconnectsThenGrantEndsAndCustomerSeesItGone() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        Connection connection = Connection.establish(platform, tpp, "sato", "openid", "accounts");
        assertThat(connectedServicesOf("sato")).contains(connection.grantId());

        var revocation = new TokenRevocationRequest(tpp.metadata().getRevocationEndpointURI(),
                tpp.clientAuthentication(), connection.refreshToken());
        int status = tpp.send(revocation.toHTTPRequest()).getStatusCode();

        assertThat(status).isEqualTo(200);
        assertThat(connectedServicesOf("sato")).doesNotContain(connection.grantId());
        assertThat(connection.userInfoStatus()).isEqualTo(401);
    }

    @Test
    void revokeAccessTokenWhenTppDropsOneTokenThenGrantStays() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        Connection connection = Connection.establish(platform, tpp, "yamada", "openid", "accounts");
        assertThat(connectedServicesOf("yamada")).contains(connection.grantId());

        var revocation = new TokenRevocationRequest(tpp.metadata().getRevocationEndpointURI(),
                tpp.clientAuthentication(), connection.accessToken());
        int status = tpp.send(revocation.toHTTPRequest()).getStatusCode();

        assertThat(status).isEqualTo(200);
        assertThat(connection.userInfoStatus()).isEqualTo(401);
        assertThat(connectedServicesOf("yamada")).as("the grant stays in force").contains(connection.grantId());
    }

    /** The grants the customer's connected-services page lists, as the customer sees them (D2). */
    private List<String> connectedServicesOf(String loginId) throws Exception {
        CustomerAgent customer = new CustomerAgent(platform);
        customer.signIn(loginId, "Kakehashi#2026");
        return customer.connectedGrants();
    }
}
