package jp.kakehashi.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.kakehashi.shared.Totp;
import jp.kakehashi.systemtests.support.BrowserExtension;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The incident desk in a real browser (C6, E6): an operator records an incident in the console and a wrong form comes
 * back with its message and what was typed; a planned stop announced too late is refused; a TPP reports an outage in
 * the portal and reads the bank's notice about it.
 */
class IncidentDeskBrowserTest {

    private static final String STAFF_PASSWORD = "Kakehashi#Staff2026";
    private static final String STAFF_TOTP = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
    @RegisterExtension
    static final BrowserExtension chromium = new BrowserExtension();

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void consoleWhenOperatorRecordsIncidentThenItsPageShowsItAndAWrongFormKeepsWhatWasTyped(Page page) {
        String tppId = tpp();
        signInToConsole(page, "operator");

        page.navigate(platform.uri("/console/incidents").toString());
        page.locator("#tppId").selectOption(tppId);
        page.locator("#description").fill("不審なアクセスが急増");
        page.locator("#incident-form button[type=submit]").click();

        assertThat(page.locator("#incident-form .field-error")).containsText("件名を入力してください");
        assertThat(page.locator("#description")).hasValue("不審なアクセスが急増");
        page.locator("#title").fill("不正アクセスの疑い");
        page.locator("#incident-form button[type=submit]").click();

        assertThat(page).hasURL(Pattern.compile(".*/console/incidents/inc-[^?]+\\?done=reported$"));
        assertThat(page.locator("h1")).hasText("不正アクセスの疑い");
        assertThat(page.locator("#incident-status")).hasAttribute("data-status", "OPEN");
        assertThat(page.locator("#timeline")).containsText("報告");
        chromium.screenshot(page, "console-incident");
        page.locator("#status").selectOption("CONTAINED");
        page.locator("#status-note").fill("TPPの接続を停止");
        page.locator("#status-form button[type=submit]").click();
        assertThat(page.locator("#incident-status")).hasAttribute("data-status", "CONTAINED");
    }

    @Test
    void consoleWhenPlannedStopAnnouncedWithinTheNoticePeriodThenRefusedWithTheTypedValuesKept(Page page) {
        signInToConsole(page, "operator");
        String tomorrow = LocalDateTime.now(ZoneId.of("Asia/Tokyo")).plusDays(1).truncatedTo(ChronoUnit.MINUTES)
                .toString();
        String end = LocalDateTime.parse(tomorrow).plusHours(2).toString();

        page.navigate(platform.uri("/console/stops").toString());
        page.locator("#api").selectOption("PAYMENT");
        page.locator("#startsAt").fill(tomorrow);
        page.locator("#endsAt").fill(end);
        page.locator("#reason").fill("勘定系システム更改");
        page.locator("#stop-form button[type=submit]").click();

        assertThat(page.locator("#stop-form .alert.error")).containsText("告知期間が足りません");
        assertThat(page.locator("#reason")).hasValue("勘定系システム更改");
        assertThat(page.locator("#api")).hasValue("PAYMENT");
        chromium.screenshot(page, "console-stop-refused");
    }

    @Test
    void portalWhenTppReportsAnOutageThenTheBankRecordsItAndTheTppSeesTheNotice(Page page) {
        String tppId = tpp();
        String account = "ops-" + tppId + "@tpp.example";
        openPortalAccount(account, tppId);
        page.navigate(platform.uri("/portal/login").toString());
        page.locator("#username").fill(account);
        page.locator("#password").fill("Portal#Test2026");
        page.locator("form:has(#password) button[type=submit]").click();
        // another TPP's page answers as if there were none
        org.assertj.core.api.Assertions.assertThat(page.navigate(platform.uri("/portal/incidents/" + tpp())
                .toString()).status()).isEqualTo(404);
        page.navigate(platform.uri("/portal/incidents/" + tppId).toString());

        page.locator("#kind").selectOption("OUTAGE");
        page.locator("#title").fill("API連携サーバーの障害");
        page.locator("#description").fill("当社サーバーが応答しません");
        page.locator("#incident-form button[type=submit]").click();

        assertThat(page).hasURL(Pattern.compile(".*/portal/incidents/" + tppId + "\\?done=reported$"));
        // the bank's operator finds it in the console, reported by the TPP's portal account
        Page staff = chromium.newContext().newPage();
        signInToConsole(staff, "operator");
        Locator recorded = consoleIncidentsOf(staff, tppId);
        assertThat(recorded).hasCount(1);
        recorded.locator("a").click();
        assertThat(staff.locator("h1")).hasText("API連携サーバーの障害");
        assertThat(staff.locator("main")).containsText("(tpp:" + account + ")");
        // the bank's notice about the recorded incident is written after the report commits: the TPP reloads for it
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).pollInSameThread()
                .until(() -> page.reload().ok() && page.locator("#notices .tpp-notice").count() > 0);
        assertThat(page.locator("#notices .tpp-notice").first()).containsText("API連携サーバーの障害");
        chromium.screenshot(page, "portal-incidents");
    }

    @Test
    void portalWhenTheTppIsOnlyAnApplicantThenItCanNeitherReportNorRegisterEndpointsAndKeepsWhatItTyped(Page page) {
        String tppId = tpp(TppStatus.APPLIED);
        String account = "new-" + tppId + "@tpp.example";
        openPortalAccount(account, tppId);
        page.navigate(platform.uri("/portal/login").toString());
        page.locator("#username").fill(account);
        page.locator("#password").fill("Portal#Test2026");
        page.locator("form:has(#password) button[type=submit]").click();
        page.navigate(platform.uri("/portal/incidents/" + tppId).toString());

        page.locator("#kind").selectOption("DATA_LEAK");
        page.locator("#title").fill("全銀行の顧客に至急連絡を");
        page.locator("#description").fill("詳細");
        page.locator("#incident-form button[type=submit]").click();

        assertThat(page.locator("#incident-form .alert.error")).containsText("承認された接続先のみ");
        assertThat(page.locator("#title")).hasValue("全銀行の顧客に至急連絡を");

        page.locator("#webhookUrl").fill("https://tpp.example/webhook");
        page.locator("#endpoint-form button[type=submit]").click();

        assertThat(page.locator("#endpoint-form .alert.error")).containsText("承認された後");
        assertThat(page.locator("#webhookUrl")).hasValue("https://tpp.example/webhook");
        chromium.screenshot(page, "portal-incidents-applicant-refused");
        // nothing was kept: the page shows no endpoint when opened again, and the bank's console no incident
        page.navigate(platform.uri("/portal/incidents/" + tppId).toString());
        assertThat(page.locator("#webhookUrl")).hasValue("");
        Page staff = chromium.newContext().newPage();
        signInToConsole(staff, "operator");
        assertThat(consoleIncidentsOf(staff, tppId)).hasCount(0);
    }

    /** The rows of the console's incident list whose TPP is {@code tppId} (letters, digits and hyphens). */
    private Locator consoleIncidentsOf(Page staff, String tppId) {
        staff.navigate(platform.uri("/console/incidents").toString());
        assertThat(staff.locator("#incidents")).isVisible();
        return staff.locator("#incidents tr.incident", new Page.LocatorOptions().setHas(staff.locator("td:nth-child(2)",
                new Page.LocatorOptions().setHasText(Pattern.compile("^" + tppId + "$")))));
    }

    private String tpp() {
        return tpp(TppStatus.ACTIVE);
    }

    private String tpp(TppStatus status) {
        String tppId = "tpp-" + UUID.randomUUID().toString().substring(0, 8);
        platform.bean(Tpps.class).register(new Tpp(tppId, "株式会社ブラウザ試験", "Browser Test K.K.", "試験アプリ",
                "Test App", "代表 太郎", "東京都", "03-0000-0000", "info@tpp.example", null, null, status,
                Set.of("accounts")));
        return tppId;
    }

    private void openPortalAccount(String email, String tppId) {
        String hash = platform.bean(PasswordEncoder.class).encode("Portal#Test2026");
        platform.bean(JdbcClient.class).sql("""
                insert into portal_account (email, password_hash, tpp_ids, created_at) values (?, ?, ?, now())
                """).params(email, hash, new String[] { tppId }).update();
    }

    /** Password, then TOTP; a code used by another test in this step is refused, so the next step's is tried. */
    private void signInToConsole(Page page, String login) {
        page.navigate(platform.uri("/console/login").toString());
        page.locator("#username").fill(login);
        page.locator("#password").fill(STAFF_PASSWORD);
        page.locator("form:has(#password) button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/console/login/otp$"));
        for (int round = 0; round < 3; round++) {
            long step = Instant.now().getEpochSecond() / 30;
            for (int ahead = 0; ahead <= 1; ahead++) {
                page.locator("#code").fill(Totp.codeAt(STAFF_TOTP, Instant.ofEpochSecond((step + ahead) * 30)));
                page.waitForResponse(r -> r.url().endsWith("/console/login/otp")
                        && "POST".equals(r.request().method()),
                        () -> page.locator("form:has(#code) button[type=submit]").click());
                page.waitForLoadState();
                if (!page.url().contains("/console/login")) {
                    return;
                }
            }
            page.waitForCondition(() -> Instant.now().getEpochSecond() / 30 > step,
                    new Page.WaitForConditionOptions().setTimeout(35_000));
        }
        throw new AssertionError("the console refused the second factor: " + page.locator("main").innerText());
    }
}
