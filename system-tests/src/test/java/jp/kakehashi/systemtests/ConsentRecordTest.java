package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.runtime.EmbeddedDatabaseRoles;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.CustomerAgent;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * D5: what the customer saw and agreed to is recorded with the grant, tamper-evidently, and can be shown later: the
 * content shown, the hash of the page as rendered, the template's version, the confirmation agreed to and the sign-in
 * level; the record cannot be changed.
 */
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
        assertThat(record.template()).isEqualTo("consent");
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

    @Test
    void consentRecordWhenCustomerAgreedThenTheRenderedPageItsTemplateVersionConfirmationAndSignInLevelAreKept()
            throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        CodeVerifier verifier = new CodeVerifier();
        var agent = new CustomerAgent(platform);
        var outcome = agent.authorize(tpp.push(tpp.authorizationRequest(new Scope("openid", "accounts"), verifier)
                .build()), "sato", "Kakehashi#2026", true);
        assertThat(outcome.redirect().getQuery()).contains("code=");
        String page = agent.consentPages().getLast();
        // the grant the consent made, as the token response names it to the TPP (Grant Management §5.5)
        var code = AuthorizationResponse.parse(outcome.redirect()).toSuccessResponse().getAuthorizationCode();
        String grantId = Connection.grantIdOf(OIDCTokenResponseParser.parse(tpp.sendWithDpop(
                tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier), null)).toSuccessResponse());

        var rendered = platform.bean(Grants.class).consentRecordOf(grantId).orElseThrow().rendered();

        // the hash of exactly the document the customer's browser received
        assertThat(rendered.pageSha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(page.getBytes(StandardCharsets.UTF_8))));
        assertThat(rendered.templateVersion()).matches("consent@[0-9a-f]{16}");
        assertThat(page).contains("<span id=\"confirmation\">" + rendered.confirmationText() + "</span>");
        assertThat(rendered.confirmationText()).isEqualTo("上記の内容を確認し、連携に同意します。");
        assertThat(rendered.signInLevel()).isEqualTo("PASSWORD");
        // the page itself is kept: the very document the browser received, which re-hashes to the hash kept (D5)
        byte[] kept = platform.bean(Grants.class).consentPageOf(grantId).orElseThrow();
        assertThat(new String(kept, StandardCharsets.UTF_8)).isEqualTo(page);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(kept)))
                .isEqualTo(rendered.pageSha256());

        // and nobody changes it afterwards: the platform's own role is refused by privilege and trigger
        var runtime = platform.bean(JdbcClient.class);
        assertThatThrownBy(() -> runtime.sql("update consent_record set confirmation_text = 'x' where grant_id = ?")
                .param(grantId).update()).hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> runtime.sql("delete from consent_record where grant_id = ?").param(grantId).update())
                .hasStackTraceContaining("permission denied");
        var owner = JdbcClient.create(platform.bean(EmbeddedPostgres.class).getDatabase(EmbeddedDatabaseRoles.OWNER,
                EmbeddedDatabaseRoles.DATABASE));
        assertThatThrownBy(() -> owner.sql("update consent_record set confirmation_text = 'x' where grant_id = ?")
                .param(grantId).update()).hasStackTraceContaining("append-only");
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
