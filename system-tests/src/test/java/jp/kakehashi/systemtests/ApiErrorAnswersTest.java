package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.audit.ExecutionLogRecord;
import jp.kakehashi.audit.ExecutionLogRecords;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import org.junit.jupiter.api.Test;

/**
 * The API's error answers speak the caller's language: Japanese when {@code Accept-Language} prefers it, English
 * otherwise and without the header, whoever writes them (Spring Security's entry point, a controller), with the same
 * stable code; the execution log records that code as its writer gave it (C1), for the grant management endpoint's
 * OAuth errors too.
 */
class ApiErrorAnswersTest {

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void errorWhenJapanesePreferredThenJapaneseMessageElseEnglishWithTheSameCode() throws Exception {
        var japanese = ApiClient.getPublic(platform, "/v1/accounts", "Accept-Language", "ja-JP,ja;q=0.9,en;q=0.8");
        var english = ApiClient.getPublic(platform, "/v1/accounts", "Accept-Language", "en-US");
        var unstated = ApiClient.getPublic(platform, "/v1/accounts");

        assertThat(japanese.status()).isEqualTo(401);
        assertThat(japanese.json()).containsEntry("errorCode", "INVALID_TOKEN")
                .containsEntry("errorMessage", "有効なアクセストークンが必要です。");
        assertThat(japanese.header("Content-Language")).isEqualTo("ja");
        for (var answer : new ApiClient.Response[] {english, unstated}) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json()).containsEntry("errorCode", "INVALID_TOKEN")
                    .containsEntry("errorMessage", "A valid access token is required.");
            assertThat(answer.header("Content-Language")).isEqualTo("en");
        }
    }

    @Test
    void refusalWhenWrittenByTheControllerThenCallersLanguageAndTheCodeInTheExecutionLog() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "balances"));
        var api = new ApiClient(platform, Connection.establish(platform, tpp, "yamada", "openid", "accounts",
                "balances"));
        String interaction = UUID.randomUUID().toString();

        var japanese = api.get("/v1/accounts/999999999999/balances", "Accept-Language", "ja",
                "x-fapi-interaction-id", interaction);
        var english = api.get("/v1/accounts/999999999999/balances");

        assertThat(japanese.status()).isEqualTo(404);
        assertThat(japanese.json()).containsEntry("errorCode", "ACCOUNT_NOT_FOUND")
                .containsEntry("errorMessage", "口座が見つかりません。");
        assertThat(english.status()).isEqualTo(404);
        assertThat(english.json()).containsEntry("errorCode", "ACCOUNT_NOT_FOUND")
                .containsEntry("errorMessage", "The account was not found.");
        assertThat(platform.bean(ExecutionLogRecords.class).byInteractionId(UUID.fromString(interaction)))
                .singleElement().satisfies(record -> assertThat(record.errorCode()).isEqualTo("ACCOUNT_NOT_FOUND"));
    }

    @Test
    void grantManagementRefusalWhenScopeMissingThenItsOauthErrorIsInTheExecutionLog() throws Exception {
        Instant started = Instant.now();
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        Connection connection = Connection.establish(platform, tpp, "sato", "openid", "accounts");

        var refused = new ApiClient(platform, connection).get("/grants/" + connection.grantId());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json()).containsEntry("error", "insufficient_scope");
        assertThat(platform.bean(ExecutionLogRecords.class).ofTpp(tpp.tppId(), started, Instant.now()))
                .extracting(ExecutionLogRecord::httpStatus, ExecutionLogRecord::errorCode)
                .containsExactly(tuple(403, "insufficient_scope"));
    }
}
