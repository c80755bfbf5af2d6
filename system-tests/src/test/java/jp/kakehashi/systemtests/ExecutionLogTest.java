package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.audit.ExecutionLogChain;
import jp.kakehashi.audit.ExecutionLogRecord;
import jp.kakehashi.audit.ExecutionLogRecords;
import jp.kakehashi.audit.ExecutionLogVerification;
import jp.kakehashi.audit.ExecutionLogVerification.Broken;
import jp.kakehashi.audit.ExecutionLogVerification.Intact;
import jp.kakehashi.runtime.EmbeddedDatabaseRoles;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * C1: every Open API call, accepted or refused, leaves exactly one execution-log record with who, what, the result and
 * the TPP's risk headers, already there when the TPP has the answer; no token or proof is ever in the log; the hash
 * chain verifies and tampering with a record is reported at that record.
 */
class ExecutionLogTest {

    private final RunningPlatform platform = RunningPlatform.get();
    private final ExecutionLogRecords log = platform.bean(ExecutionLogRecords.class);
    private final JdbcClient jdbc = platform.bean(JdbcClient.class);

    @Test
    void callWhenAcceptedOrRefusedThenExactlyOneRecordEachWithCallerOperationAndResult() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "balances"));
        Connection connection = Connection.establish(platform, tpp, "yamada", "openid", "accounts", "balances");
        var api = new ApiClient(platform, connection);
        Instant before = Instant.now();
        String read = UUID.randomUUID().toString();
        String missing = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();

        var ok = api.get("/v1/accounts", "x-fapi-interaction-id", read, "x-fapi-customer-ip-address", "198.51.100.23",
                "x-customer-user-agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0)", "x-kakehashi-auth-failure-count",
                "2", "x-fapi-auth-date", "Tue, 31 Mar 2026 23:59:00 GMT");
        var notFound = api.get("/v1/accounts/999999999999/balances", "x-fapi-interaction-id", missing);
        var unauthorized = ApiClient.getPublic(platform, "/v1/accounts", "x-fapi-interaction-id", refused,
                "Authorization", "DPoP made-up-token-value");

        assertThat(List.of(ok.status(), notFound.status(), unauthorized.status())).containsExactly(200, 404, 401);
        // the records are there as soon as the answers are: written before the response left
        assertThat(log.byInteractionId(UUID.fromString(read))).singleElement().satisfies(record -> {
            assertThat(record.customerId()).isEqualTo("C0001");
            assertThat(record.tppId()).isEqualTo(tpp.tppId());
            assertThat(record.clientId()).isEqualTo(tpp.clientId().getValue());
            assertThat(record.grantId()).isEqualTo(connection.grantId());
            assertThat(record.operation()).isEqualTo("GET /v1/accounts");
            assertThat(record.resourceId()).isNull();
            assertThat(record.httpStatus()).isEqualTo(200);
            assertThat(record.errorCode()).isNull();
            assertThat(record.recordedAt()).isBetween(before, Instant.now());
            assertThat(record.signals().interactionIdGenerated()).isFalse();
            assertThat(record.signals().customerIpAddress()).isEqualTo("198.51.100.23");
            assertThat(record.signals().customerUserAgent()).isEqualTo("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0)");
            assertThat(record.signals().authFailureCount()).isEqualTo(2);
            assertThat(record.signals().authDate()).isEqualTo(Instant.parse("2026-03-31T23:59:00Z"));
            assertThat(record.signals().clientIpAddress()).isEqualTo("127.0.0.1");
            assertThat(record.signals().invalidHeaders()).isEmpty();
        });
        assertThat(log.byInteractionId(UUID.fromString(missing))).singleElement().satisfies(record -> {
            assertThat(record.customerId()).isEqualTo("C0001");
            assertThat(record.tppId()).isEqualTo(tpp.tppId());
            assertThat(record.operation()).isEqualTo("GET /v1/accounts/{accountId}/balances");
            assertThat(record.resourceId()).isEqualTo("999999999999");
            assertThat(record.httpStatus()).isEqualTo(404);
            assertThat(record.errorCode()).isEqualTo("ACCOUNT_NOT_FOUND");
        });
        assertThat(log.byInteractionId(UUID.fromString(refused))).singleElement().satisfies(record -> {
            assertThat(record.customerId()).isNull();
            assertThat(record.tppId()).isNull();
            assertThat(record.clientId()).isNull();
            assertThat(record.grantId()).isNull();
            assertThat(record.operation()).isEqualTo("GET /v1/accounts");
            assertThat(record.httpStatus()).isEqualTo(401);
            assertThat(record.errorCode()).isEqualTo("INVALID_TOKEN");
        });
        assertThat(log.ofTpp(tpp.tppId(), before, Instant.now())).extracting(ExecutionLogRecord::httpStatus)
                .containsExactly(200, 404);
    }

    @Test
    void logWhenCallsWereMadeWithTokensAndProofsThenNoneOfThemIsInAnyRecord() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        Connection connection = Connection.establish(platform, tpp, "sato", "openid", "accounts");
        var api = new ApiClient(platform, connection);
        String interaction = UUID.randomUUID().toString();

        assertThat(api.get("/v1/accounts", "x-fapi-interaction-id", interaction).status()).isEqualTo(200);
        assertThat(api.getAsBearer("/v1/accounts").status()).isEqualTo(401);

        String everything = jdbc.sql("select string_agg(l::text, ' ') from api_execution_log l")
                .query(String.class).single();
        assertThat(everything).contains(interaction)
                .doesNotContain(connection.accessToken().getValue())
                .doesNotContain(connection.refreshToken().getValue())
                // no JWT (DPoP proof, client assertion) of any kind: they all start with a base64url '{"'
                .doesNotContain("eyJ");
    }

    @Test
    void verifyWhenRecordChangedAfterChainingThenThatRecordIsReportedAndRestoringHealsTheChain() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var api = new ApiClient(platform, Connection.establish(platform, tpp, "kakehashi-shoji", "openid", "accounts"));
        String interaction = UUID.randomUUID().toString();
        assertThat(api.get("/v1/accounts", "x-fapi-interaction-id", interaction).status()).isEqualTo(200);
        long id = log.byInteractionId(UUID.fromString(interaction)).getFirst().id();
        var verification = platform.bean(ExecutionLogVerification.class);

        platform.bean(ExecutionLogChain.class).chainPending();
        assertThat(verification.verify()).isInstanceOf(Intact.class);
        assertThat(log.byInteractionId(UUID.fromString(interaction)).getFirst().link()).isNotNull();

        tamper("update api_execution_log set customer_id = 'C0001' where id = ?", id);
        try {
            var result = verification.verify();
            assertThat(result).isInstanceOf(Broken.class);
            assertThat(((Broken) result).recordId()).isEqualTo(id);
        }
        finally {
            tamper("update api_execution_log set customer_id = 'C0003' where id = ?", id);
        }
        assertThat(verification.verify()).isInstanceOf(Intact.class);
    }

    /**
     * Changes the log as someone with the table owner's rights could: with its append-only triggers off. The platform's
     * own role cannot (RuntimeRoleTest); the owner role, which only the migrations use, can.
     */
    private void tamper(String sql, long id) {
        JdbcClient owner = JdbcClient.create(platform.bean(EmbeddedPostgres.class)
                .getDatabase(EmbeddedDatabaseRoles.OWNER, EmbeddedDatabaseRoles.DATABASE));
        owner.sql("alter table api_execution_log disable trigger user").update();
        try {
            owner.sql(sql).param(id).update();
        }
        finally {
            owner.sql("alter table api_execution_log enable trigger user").update();
        }
    }
}
