package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import jp.kakehashi.audit.ExecutionLogRecords;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import org.junit.jupiter.api.Test;

/**
 * The TPP's FAPI risk headers: the interaction id is echoed on every /v1 answer (errors too), generated when the TPP
 * sent none, and refused when it is no UUID; the other headers are recorded, a malformed one as invalid.
 */
class RiskHeadersTest {

    private static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final RunningPlatform platform = RunningPlatform.get();
    private final ExecutionLogRecords log = platform.bean(ExecutionLogRecords.class);

    @Test
    void callWhenInteractionIdSentThenEchoedOnSuccessAndOnErrors() throws Exception {
        var api = new ApiClient(platform, Connection.establish(platform, TestTpp.register(platform,
                Set.of("accounts")), "yamada", "openid", "accounts"));
        String id = "5D41402A-BC4B-4A76-B971-9D911017C592";

        var ok = api.get("/v1/accounts", "x-fapi-interaction-id", id);
        var outOfScope = api.get("/v1/accounts/999999999999/balances", "x-fapi-interaction-id", id);
        var noToken = ApiClient.getPublic(platform, "/v1/accounts", "x-fapi-interaction-id", id);
        var unknownPath = api.get("/v1/nothing-here", "x-fapi-interaction-id", id);

        assertThat(ok.status()).isEqualTo(200);
        assertThat(outOfScope.status()).isEqualTo(403);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(unknownPath.status()).isEqualTo(404);
        for (var response : java.util.List.of(ok, outOfScope, noToken, unknownPath)) {
            assertThat(response.header("x-fapi-interaction-id")).isEqualTo(id);
        }
    }

    @Test
    void callWhenNoInteractionIdThenTheBankGeneratesOneEchoesItAndLogsIt() throws Exception {
        var first = ApiClient.getPublic(platform, "/v1/branches");
        var second = ApiClient.getPublic(platform, "/v1/branches");

        assertThat(first.status()).isEqualTo(200);
        String generated = first.header("x-fapi-interaction-id");
        assertThat(generated).matches(UUID_TEXT).isNotEqualTo(second.header("x-fapi-interaction-id"));
        assertThat(log.byInteractionId(UUID.fromString(generated))).singleElement().satisfies(record -> {
            assertThat(record.signals().interactionIdGenerated()).isTrue();
            assertThat(record.operation()).isEqualTo("GET /v1/branches");
        });
    }

    @Test
    void callWhenInteractionIdIsNoUuidThen400InvalidParameterWithAFreshIdAndTheRefusalIsLogged() throws Exception {
        var response = ApiClient.getPublic(platform, "/v1/branches", "x-fapi-interaction-id", "order-42");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(response.json()).containsEntry("errorCode", "INVALID_PARAMETER");
        assertThat(response.body()).contains("\"itemId\":\"x-fapi-interaction-id\"");
        String echoed = response.header("x-fapi-interaction-id");
        assertThat(echoed).matches(UUID_TEXT);
        assertThat(log.byInteractionId(UUID.fromString(echoed))).singleElement().satisfies(record -> {
            assertThat(record.httpStatus()).isEqualTo(400);
            assertThat(record.errorCode()).isEqualTo("INVALID_PARAMETER");
            assertThat(record.signals().invalidHeaders()).containsExactly("x-fapi-interaction-id");
        });
    }

    @Test
    void callWhenOtherRiskHeadersMalformedThenAnsweredNormallyAndRecordedAsInvalid() throws Exception {
        String id = UUID.randomUUID().toString();

        var response = ApiClient.getPublic(platform, "/v1/atms", "x-fapi-interaction-id", id,
                "x-fapi-customer-ip-address", "not-an-ip.example", "x-kakehashi-auth-failure-count", "many",
                "x-customer-user-agent", "A".repeat(2000));

        assertThat(response.status()).isEqualTo(200);
        assertThat(log.byInteractionId(UUID.fromString(id))).singleElement().satisfies(record -> {
            assertThat(record.signals().customerIpAddress()).isNull();
            assertThat(record.signals().authFailureCount()).isNull();
            assertThat(record.signals().customerUserAgent()).hasSize(512);
            assertThat(record.signals().invalidHeaders())
                    .containsExactly("x-fapi-customer-ip-address", "x-kakehashi-auth-failure-count");
        });
    }
}
