package jp.kakehashi.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.kakehashi.incident.Incidents;
import jp.kakehashi.notification.TppNotices;
import jp.kakehashi.systemtests.support.HeadlessChromium;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The incident desk in a real browser (C6, E6): a TPP reports an outage in the portal and reads the bank's notice
 * about it. (The console pages are tested in the platform's IncidentConsolePagesTest.)
 */
class IncidentDeskBrowserTest {

    private static final HeadlessChromium chromium = HeadlessChromium.launch(IncidentDeskBrowserTest.class);

    private final RunningPlatform platform = RunningPlatform.get();

    @AfterEach
    void closeContexts() {
        chromium.closeContexts();
    }

    @AfterAll
    static void closeBrowser() {
        chromium.close();
    }

    @Test
    void portalWhenTppReportsAnOutageThenTheBankRecordsItAndTheTppSeesTheNotice() {
        String tppId = tpp();
        String account = "ops-" + tppId + "@tpp.example";
        openPortalAccount(account, tppId);
        Page page = chromium.newContext().newPage();
        page.navigate(platform.uri("/portal/login").toString());
        page.locator("#username").fill(account);
        page.locator("#password").fill("Portal#Test2026");
        page.locator("form:has(#password) button[type=submit]").click();
        page.navigate(platform.uri("/portal/incidents/" + tppId).toString());

        page.locator("#kind").selectOption("OUTAGE");
        page.locator("#title").fill("API連携サーバーの障害");
        page.locator("#description").fill("当社サーバーが応答しません");
        page.locator("#incident-form button[type=submit]").click();

        assertThat(page).hasURL(Pattern.compile(".*/portal/incidents/" + tppId + "\\?done=reported$"));
        org.assertj.core.api.Assertions.assertThat(platform.bean(Incidents.class).ofTpp(tppId)).singleElement()
                .satisfies(incident -> org.assertj.core.api.Assertions.assertThat(incident.reportedBy())
                        .isEqualTo("tpp:" + account));
        // the bank's notice about the recorded incident is written after the report commits
        page.waitForCondition(() -> !platform.bean(TppNotices.class).of(tppId).isEmpty());
        page.reload();
        assertThat(page.locator("#notices .tpp-notice").first()).containsText("API連携サーバーの障害");
        chromium.screenshot(page, "portal-incidents");
    }

    private String tpp() {
        String tppId = "tpp-" + UUID.randomUUID().toString().substring(0, 8);
        platform.bean(Tpps.class).register(new Tpp(tppId, "株式会社ブラウザ試験", "Browser Test K.K.", "試験アプリ",
                "Test App", "代表 太郎", "東京都", "03-0000-0000", "info@tpp.example", null, null, TppStatus.ACTIVE,
                Set.of("accounts")));
        return tppId;
    }

    private void openPortalAccount(String email, String tppId) {
        String hash = platform.bean(PasswordEncoder.class).encode("Portal#Test2026");
        platform.bean(JdbcClient.class).sql("""
                insert into portal_account (email, password_hash, tpp_ids, created_at) values (?, ?, ?, now())
                """).params(email, hash, new String[] { tppId }).update();
    }
}
