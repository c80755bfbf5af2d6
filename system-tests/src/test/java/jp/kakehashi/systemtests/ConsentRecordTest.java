package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** D5: what the customer saw and agreed to is recorded with the grant, tamper-evidently, and can be shown later. */
class ConsentRecordTest {

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    @SuppressWarnings("unchecked")
    void consentRecordWhenCustomerAgreedThenWhatWasShownIsKeptWithItsHash() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "balances"));
        Connection connection = Connection.establish(platform, tpp, "yamada", "openid", "accounts", "balances");

        var record = platform.bean(Grants.class).consentRecordOf(connection.grantId()).orElseThrow();
        var grant = platform.bean(Grants.class).find(connection.grantId()).orElseThrow();

        assertThat(record.customerId()).isEqualTo("C0001");
        assertThat(record.language()).isEqualTo("ja");
        assertThat(record.template()).isEqualTo("consent/v1");
        var shown = record.shown();
        assertThat((Map<String, Object>) shown.get("tpp")).containsEntry("id", tpp.tppId())
                .containsKeys("name", "service", "representative", "address", "phone", "email");
        assertThat((List<Map<String, Object>>) shown.get("rights")).extracting(r -> r.get("scope"))
                .containsExactly("accounts", "balances");
        assertThat((List<Map<String, Object>>) shown.get("rights")).extracting(r -> r.get("title"))
                .containsExactly("口座一覧の照会", "残高の照会");
        assertThat((List<Map<String, Object>>) shown.get("accounts")).extracting(a -> a.get("accountId"))
                .containsExactlyElementsOf(grant.accountIds());
        assertThat((List<String>) shown.get("notices")).anySatisfy(n -> assertThat(n).contains("代理人"));
        assertThat(shown.get("expiresAt")).isEqualTo(grant.expiresAt().toString());

        String stored = platform.bean(JdbcClient.class)
                .sql("select shown::text from consent_record where grant_id = ?").param(connection.grantId())
                .query(String.class).single();
        assertThat(record.shownSha256()).hasSize(64);
        assertThat(sha256(canonical(stored))).isEqualTo(record.shownSha256());
    }

    /** PostgreSQL's jsonb output orders keys by length then bytes; re-serialise the map canonically instead. */
    private static String canonical(String json) {
        var mapper = tools.jackson.databind.json.JsonMapper.builder()
                .enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        return mapper.writeValueAsString(mapper.readValue(json, Map.class));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
