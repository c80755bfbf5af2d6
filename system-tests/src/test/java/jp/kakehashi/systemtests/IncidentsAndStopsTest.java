package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.availability.Announcement;
import jp.kakehashi.availability.ServiceStops;
import jp.kakehashi.availability.StopAnnouncement;
import jp.kakehashi.availability.StoppedApi;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.consent.NewGrant;
import jp.kakehashi.incident.Incident;
import jp.kakehashi.incident.IncidentKind;
import jp.kakehashi.incident.IncidentReport;
import jp.kakehashi.incident.Incidents;
import jp.kakehashi.incident.Reporting;
import jp.kakehashi.incident.Severity;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.ApiClient.Response;
import jp.kakehashi.systemtests.support.BrowserExtension;
import jp.kakehashi.systemtests.support.ConsoleScreens;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestMailbox;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * E6: during a stop of the payment API every transfer call answers 503 with Retry-After over HTTPS, reads and public
 * information go on, and once the stop is called off transfers answer as before. E2: the customers with grants of a
 * TPP in an incident get the bank's warning mail, in their language, recorded.
 */
class IncidentsAndStopsTest {

    @RegisterExtension
    static final BrowserExtension chromium = new BrowserExtension();

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void transfersWhenPaymentStopInEffectThen503WithRetryAfterAndAfterItNormalAnswers() throws Exception {
        ServiceStops stops = platform.bean(ServiceStops.class);
        var announced = stops.announce(new StopAnnouncement(null, StoppedApi.PAYMENT, Instant.now().minusSeconds(1),
                Instant.now().plus(Duration.ofMinutes(30)), "勘定系システムの緊急保守", true, "staff-test"));
        String stopId = ((Announcement.Announced) announced).stop().id();
        try {
            Response stopped = ApiClient.getPublic(platform, "/v1/transfers");
            Response branches = ApiClient.getPublic(platform, "/v1/branches");

            assertThat(stopped.status()).isEqualTo(503);
            assertThat(Long.parseLong(stopped.header("Retry-After"))).isBetween(1790L, 1800L);
            assertThat(stopped.json()).containsEntry("errorCode", "SERVICE_STOPPED");
            assertThat(branches.status()).isEqualTo(200);
        } finally {
            assertThat(stops.cancel(stopId, "staff-test")).isTrue();
        }
        Response after = ApiClient.getPublic(platform, "/v1/transfers");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.header("Retry-After")).isNull();
    }

    @Test
    void sharedSignalsWhenFetchedOverHttpsThenTransmitterMetadataAndPublicKeysOnly() throws Exception {
        Response configuration = ApiClient.getPublic(platform, "/.well-known/ssf-configuration");
        Response jwks = ApiClient.getPublic(platform, "/secevents/jwks.json");

        assertThat(configuration.status()).isEqualTo(200);
        assertThat(configuration.json()).containsEntry("issuer", platform.issuer().toString())
                .containsEntry("jwks_uri", platform.issuer() + "/secevents/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        var keys = com.nimbusds.jose.jwk.JWKSet.parse(jwks.body()).getKeys();
        assertThat(keys).singleElement().satisfies(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyUse()).isEqualTo(com.nimbusds.jose.jwk.KeyUse.SIGNATURE);
        });
    }

    @Test
    void warnAffectedCustomersWhenCustomerHasAGrantOfTheTppThenTheBanksWarningMailArrivesAndIsRecorded(Page staff) {
        String tppId = "tpp-" + UUID.randomUUID().toString().substring(0, 8);
        platform.bean(Tpps.class).register(new Tpp(tppId, "株式会社インシデント試験", "Incident Test K.K.", "試験家計簿",
                "Test Kakeibo", "代表 太郎", "東京都", "03-0000-0000", "info@tpp.example", null, null,
                TppStatus.ACTIVE, Set.of("accounts")));
        Grants grants = platform.bean(Grants.class);
        String grantId = UUID.randomUUID().toString();
        grants.open(new NewGrant(grantId, "C0002", tppId, tppId + "-1", Set.of("accounts"), List.of("001"),
                Instant.now().plus(Duration.ofDays(90)), "ja", "test", Map.of("test", true)));
        grants.activate(grantId);
        Incidents incidents = platform.bean(Incidents.class);
        String incidentId = ((Reporting.Recorded) incidents.report(new IncidentReport(tppId,
                IncidentKind.DATA_LEAK, Severity.CRITICAL, "口座情報の漏えい", "TPPのサーバーから口座情報が流出",
                Instant.now().minus(Duration.ofHours(2)), Incident.Reporter.BANK, "staff-test"))).incident().id();

        assertThat(incidents.warnAffectedCustomers(incidentId, "staff-test")).isEqualTo(1);

        var mail = TestMailbox.get().await("sato.hanako@example.jp", m -> m.text().contains(incidentId));
        assertThat(mail.subject()).contains("試験家計簿", "重要なお知らせ");
        assertThat(mail.text()).contains("連携を解除").doesNotContain("http://", "https://");
        // recorded where the bank's operator follows the incident: its page in the console lists the warning
        ConsoleScreens.signIn(staff, platform, "operator");
        Locator warnings = staff.locator("#warnings tr.warning");
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).pollInSameThread()
                .until(() -> staff.navigate(platform.uri("/console/incidents/" + incidentId).toString()).ok()
                        && warnings.count() > 0);
        PlaywrightAssertions.assertThat(warnings).hasCount(1);
        assertThat(warnings.first().locator("td").allInnerTexts()).as("customer, when, outcome, requested by")
                .satisfies(cells -> {
                    assertThat(cells.get(0)).isEqualTo("C0002");
                    assertThat(cells.get(2)).isEqualTo("メール送信済み");
                    assertThat(cells.get(3)).isEqualTo("staff-test");
                });
    }
}
