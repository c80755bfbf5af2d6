package jp.kakehashi.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.audit.ChainVerification;
import jp.kakehashi.audit.Checkpoints;
import jp.kakehashi.runtime.EmbeddedDatabaseRoles;
import jp.kakehashi.systemtests.support.ConsoleScreens;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.BrowserExtension;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * C1, C4, D5 as the bank's monitoring and its auditors see them: a customer's consent record is chained and
 * checkpointed; then someone connected as the database OWNER lifts the trigger and changes the record. The
 * verification finds it: {@code /actuator/auditchains} on the management port answers BROKEN at that record, the
 * console's dashboard says so to the auditor signed in with password and TOTP in Chromium, and the auditors' page
 * shows the chain broken there, its checkpoints, and a checkpoint file that checks against the published key. The
 * owner's change is undone afterwards, so other tests of this JVM find the chain intact.
 */
class EvidenceChainsBrowserTest {

    @RegisterExtension
    static final BrowserExtension chromium = new BrowserExtension();

    private final RunningPlatform platform = RunningPlatform.get();
    private final HttpClient http = HttpClient.newBuilder().sslContext(platform.tls()).build();

    @Test
    void chainsWhenOwnerChangesAConsentRecordThenEndpointDashboardAndAuditorPageSayBrokenThere() throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")),
                "yamada", "openid", "accounts");
        JdbcClient owner = JdbcClient.create(platform.bean(EmbeddedPostgres.class)
                .getDatabase(EmbeddedDatabaseRoles.OWNER, EmbeddedDatabaseRoles.DATABASE));
        long position = await().atMost(Duration.ofSeconds(10)).until(() -> owner.sql(
                "select sequence_number from consent_record where grant_id = ?").param(connection.grantId())
                .query(Long.class).optional().orElse(null), p -> p != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            platform.bean(Checkpoints.class).checkpointAll();
            return platform.bean(Checkpoints.class).latest("consent-records").map(c -> c.count()).orElse(0L)
                    >= position;
        });
        String original = owner.sql("select confirmation_text from consent_record where grant_id = ?")
                .param(connection.grantId()).query(String.class).single();
        try {
            changeAsOwner(owner, connection.grantId(), "同意していません");
            platform.bean(ChainVerification.class).verifyFully();

            Map<String, Object> report = auditChains();
            assertThat(report).containsOnlyKeys("chains");
            @SuppressWarnings("unchecked")
            var chains = (List<Map<String, Object>>) report.get("chains");
            assertThat(chains).allSatisfy(c -> assertThat(c).containsOnlyKeys("name", "status", "checkedThrough",
                    "firstBroken"));
            assertThat(chains).extracting(c -> c.get("name")).containsExactlyInAnyOrder("audit-events",
                    "consent-records", "execution-log", "staff-actions");
            assertThat(chains).filteredOn(c -> c.get("name").equals("consent-records")).singleElement()
                    .satisfies(c -> {
                        assertThat(c.get("status")).isEqualTo("BROKEN");
                        assertThat(((Number) c.get("firstBroken")).longValue()).isEqualTo(position);
                        assertThat(((Number) c.get("checkedThrough")).longValue()).isEqualTo(position - 1);
                    });

            Page auditor = chromium.newContext().newPage();
            ConsoleScreens.signIn(auditor, platform, "auditor");
            assertThat(auditor.locator("main")).containsText("監査証跡「consent-records」が " + position
                    + " 番目の記録で一致しません");
            chromium.screenshot(auditor, "01-dashboard-chain-broken");
            auditor.locator("a[href='/console/audit-chains']").first().click();
            var row = auditor.locator("tr.chain[data-chain='consent-records']");
            assertThat(row).hasAttribute("data-status", "BROKEN");
            assertThat(row.locator(".first-broken")).hasText(Long.toString(position));
            assertThat(row.locator(".status")).hasText("改ざんの疑い");
            assertThat(auditor.locator("tr.chain[data-chain='execution-log']")).hasAttribute("data-status", "INTACT");
            chromium.screenshot(auditor, "02-auditor-page-broken");

            // a checkpoint file, as an auditor downloads it, checks against the published key alone
            String href = auditor.locator("table.checkpoints[data-chain='consent-records'] a.download").first()
                    .getAttribute("href");
            var download = auditor.request().get(platform.uri(href).toString());
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.headers().get("content-disposition")).contains("attachment");
            SignedJWT checkpoint = SignedJWT.parse(download.text().strip());
            JWKSet keys = JWKSet.parse(http.send(HttpRequest.newBuilder(platform.uri("/audit/checkpoints/jwks.json"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            ECKey key = (ECKey) keys.getKeyByKeyId(checkpoint.getHeader().getKeyID());
            assertThat(checkpoint.verify(new ECDSAVerifier(key))).isTrue();
            assertThat(checkpoint.getJWTClaimsSet().getStringClaim("chain")).isEqualTo("consent-records");
            assertThat(checkpoint.getJWTClaimsSet().getLongClaim("count")).isGreaterThanOrEqualTo(position);
        }
        finally {
            changeAsOwner(owner, connection.grantId(), original);
        }
        platform.bean(ChainVerification.class).verifyFully();
        assertThat(auditChains().get("chains").toString()).doesNotContain("BROKEN");
    }

    private static void changeAsOwner(JdbcClient owner, String grantId, String confirmation) {
        owner.sql("""
                begin;
                alter table consent_record disable trigger user;
                update consent_record set confirmation_text = '%s' where grant_id = '%s';
                alter table consent_record enable trigger user;
                commit""".formatted(confirmation, grantId)).update();
    }

    private Map<String, Object> auditChains() throws Exception {
        String port = platform.bean(Environment.class).getProperty("local.management.port");
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/auditchains")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> report = JsonMapper.builder().build().readValue(response.body(), Map.class);
        return report;
    }
}
