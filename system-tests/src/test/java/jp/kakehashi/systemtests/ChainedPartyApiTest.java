package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.audit.ExecutionLogRecords;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.ApiClient.Response;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import jp.kakehashi.tpp.TppApplication.ApiClass;
import jp.kakehashi.tpp.chain.ChainHandling;
import jp.kakehashi.tpp.chain.ChainedParties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * F2 through a real FAPI 2.0 client (Nimbus, DPoP): a TPP whose chains the bank handles by approval calls the read API
 * for an approved chained party (200), for a party it never registered and for one the bank has not approved (403
 * {@code CHAINED_PARTY_NOT_ALLOWED} with the reason), and with a malformed identifier (400); every call is in the
 * execution log with the party it named.
 */
class ChainedPartyApiTest {

    private static final String HEADER = "X-Chained-Party-Id";

    private static ApiClient api;

    private final RunningPlatform platform = RunningPlatform.get();
    private final ExecutionLogRecords log = platform.bean(ExecutionLogRecords.class);

    @BeforeAll
    static void tppWithChainedParties() throws Exception {
        RunningPlatform platform = RunningPlatform.get();
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "balances"));
        ChainedParties chains = platform.bean(ChainedParties.class);
        assertThat(chains.choose(tpp.tppId(), ApiClass.READ, ChainHandling.APPROVAL, null, "staff-1"))
                .isEqualTo(ChainedParties.Choice.RECORDED);
        assertThat(chains.register(tpp.tppId(), "kakeibo-partner", "株式会社連鎖パートナー", "1234567890123",
                Set.of(ApiClass.READ), "staff-1")).isEqualTo(ChainedParties.Registration.REGISTERED);
        assertThat(chains.approve(tpp.tppId(), "kakeibo-partner", "staff-2")).isTrue();
        assertThat(chains.register(tpp.tppId(), "pending-partner", "株式会社審査待ち", null, Set.of(ApiClass.READ),
                "staff-1")).isEqualTo(ChainedParties.Registration.REGISTERED);
        api = new ApiClient(platform, Connection.establish(platform, tpp, "yamada", "openid", "accounts"));
    }

    @Test
    void accountsWhenApprovedChainedPartyNamedThen200AndThePartyIsLogged() throws Exception {
        String interaction = UUID.randomUUID().toString();

        Response response = api.get("/v1/accounts", HEADER, "kakeibo-partner", "x-fapi-interaction-id", interaction);

        assertThat(response.status()).isEqualTo(200);
        assertThat(log.byInteractionId(UUID.fromString(interaction))).singleElement().satisfies(record -> {
            assertThat(record.httpStatus()).isEqualTo(200);
            assertThat(record.chainedPartyId()).isEqualTo("kakeibo-partner");
        });
    }

    @Test
    void accountsWhenUnknownChainedPartyNamedThen403WithItsReasonAndTheRefusalIsLogged() throws Exception {
        String interaction = UUID.randomUUID().toString();

        Response response = api.get("/v1/accounts", HEADER, "never-registered", "x-fapi-interaction-id", interaction);

        assertRefused(response, "UNKNOWN_CHAINED_PARTY");
        assertThat(log.byInteractionId(UUID.fromString(interaction))).singleElement().satisfies(record -> {
            assertThat(record.httpStatus()).isEqualTo(403);
            assertThat(record.errorCode()).isEqualTo("CHAINED_PARTY_NOT_ALLOWED");
            assertThat(record.chainedPartyId()).isEqualTo("never-registered");
        });
    }

    @Test
    void accountsWhenChainedPartyNotApprovedThen403NotApproved() throws Exception {
        assertRefused(api.get("/v1/accounts", HEADER, "pending-partner"), "NOT_APPROVED");
    }

    @Test
    void accountsWhenChainedPartyIdMalformedThen400() throws Exception {
        Response response = api.get("/v1/accounts", HEADER, "no spaces/allowed");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errorCode")).isEqualTo("INVALID_CHAINED_PARTY_ID");
    }

    @Test
    void accountsWhenNoChainedPartyNamedThenTheTppsOwnCallSucceeds() throws Exception {
        assertThat(api.get("/v1/accounts").status()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private static void assertRefused(Response response, String reason) {
        assertThat(response.status()).isEqualTo(403);
        Map<String, Object> body = response.json();
        assertThat(body.get("errorCode")).isEqualTo("CHAINED_PARTY_NOT_ALLOWED");
        assertThat((List<Map<String, Object>>) body.get("errorDetails")).singleElement()
                .satisfies(detail -> assertThat(detail.get("errorDetailsCode")).isEqualTo(reason));
    }
}
