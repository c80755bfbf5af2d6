package jp.kakehashi.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.admin.StaffAccounts;
import jp.kakehashi.admin.StaffRole;
import jp.kakehashi.shared.Totp;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.BrowserExtension;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The oversight screens in a real browser (A5, E5, A4, F2, charts): an operator sets the chain handling and registers
 * a chained party, an approver approves it, and the TPP's FAPI client may then call for it; a monitoring agreement
 * with a wrong frequency comes back with the message and what was typed, and once recorded its overdue review is on
 * the dashboard; a record of a bank that is not trusted is refused with the reason; the charts draw the TPP's calls.
 *
 * <p>Staff accounts of its own, each signed in once per run (a TOTP code is accepted once per account and step).
 */
class OversightBrowserTest {

    private static final String PASSWORD = "Oversight#Test2026";
    private static final String SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

    @RegisterExtension
    static final BrowserExtension chromium = new BrowserExtension();
    private static Page operator;
    private static Page approver;
    private static TestTpp tpp;
    private static ApiClient api;

    private final RunningPlatform platform = RunningPlatform.get();

    @BeforeAll
    static void signIn() throws Exception {
        RunningPlatform platform = RunningPlatform.get();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        StaffAccounts accounts = platform.bean(StaffAccounts.class);
        accounts.ensure("ov-op-" + suffix, "監視 運用", PASSWORD, SECRET, EnumSet.of(StaffRole.OPERATOR,
                StaffRole.REVIEWER));
        accounts.ensure("ov-ap-" + suffix, "監視 承認", PASSWORD, SECRET, EnumSet.of(StaffRole.APPROVER));
        operator = signedIn(platform, chromium.newContext(), "ov-op-" + suffix);
        approver = signedIn(platform, chromium.newContext(), "ov-ap-" + suffix);
        tpp = TestTpp.register(platform, Set.of("accounts", "balances"));
        api = new ApiClient(platform, Connection.establish(platform, tpp, "sato", "openid", "accounts"));
    }

    @Test
    void chainWhenOperatorRegistersAndApproverApprovesThenTheTppMayCallForTheParty() throws Exception {
        assertThat(api.get("/v1/accounts", "X-Chained-Party-Id", "browser-partner").status()).isEqualTo(403);
        operator.navigate(platform.uri("/console/tpps/" + tpp.tppId() + "/chain").toString());
        operator.locator("#handling-READ select[name=handling]").selectOption("APPROVAL");
        operator.locator("#handling-READ button[type=submit]").click();
        assertThat(operator.locator(".alert.info")).hasText("取扱いを保存しました。");
        operator.locator("#partyId").fill("browser-partner");
        operator.locator("#name").fill("株式会社ブラウザ連携");
        operator.locator("#register-party-button").click();
        assertThat(operator.locator("#party-browser-partner .decision[data-class=READ]")).hasText("参照系: 拒否（未承認）");

        approver.navigate(platform.uri("/console/tpps/" + tpp.tppId() + "/chain").toString());
        approver.locator("#party-browser-partner .approve-party").click();

        assertThat(approver.locator("#party-browser-partner .decision[data-class=READ]")).hasText("参照系: 許可");
        assertThat(api.get("/v1/accounts", "X-Chained-Party-Id", "browser-partner").status()).isEqualTo(200);
        chromium.screenshot(approver, "chain");
    }

    @Test
    void monitoringWhenFrequencyWrongThenMessageAndInputKeptAndOnceAgreedTheOverdueReviewIsOnTheDashboard() {
        operator.navigate(platform.uri("/console/monitoring/tpps/" + tpp.tppId()).toString());
        operator.locator("#method").fill("書面とヒアリング");
        operator.locator("#frequencyMonths").fill("48");
        operator.locator("#majorChangeHandling").fill("1か月前までに届出");
        operator.locator("#informationToSubmit").fill("自己点検表");
        operator.locator("#startsOn").fill(java.time.LocalDate.now().minusMonths(8).toString());
        operator.locator("#save-agreement").click();

        assertThat(operator.locator("#frequencyMonths-error")).hasText("範囲外の値です。");
        assertThat(operator.locator("#method")).hasValue("書面とヒアリング");
        operator.locator("#frequencyMonths").fill("6");
        operator.locator("#save-agreement").click();

        assertThat(operator.locator(".alert.info")).hasText("モニタリングの合意内容を記録しました。");
        assertThat(operator.locator("#next-review .state")).hasText("期限超過");
        operator.navigate(platform.uri("/console").toString());
        assertThat(operator.locator(".dashboard li.overdue", new Page.LocatorOptions()
                .setHasText(tpp.tppId().substring(9) + ": 定期レビューの期限を過ぎています"))).hasCount(1);
    }

    @Test
    void assessmentWhenRecordOfAnUnknownBankPastedThenRefusedWithTheReasonAndTheTextKept() {
        operator.navigate(platform.uri("/console/monitoring/tpps/" + tpp.tppId() + "/assessments").toString());
        String notSigned = "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJodHRwczovL2JhbmsuZXhhbXBsZSJ9.c2lnbmF0dXJl";
        operator.locator("#jws").fill(notSigned);
        operator.locator("#import-assessment").click();

        assertThat(operator.locator("#jws-error")).containsText("発行元が信頼済みの銀行として登録されていません");
        assertThat(operator.locator("#jws")).hasValue(notSigned);
    }

    @Test
    void chartsWhenTheTppCalledThenItsChartAndTableShowTheCalls() throws Exception {
        api.get("/v1/accounts");
        api.get("/v1/accounts", "X-Chained-Party-Id", "nobody-registered");

        operator.navigate(platform.uri("/console/monitoring/charts").toString());

        var section = operator.locator("section.traffic[data-tpp='" + tpp.tppId() + "']");
        assertThat(section.locator("svg rect.ok").first()).isVisible();
        assertThat(section.locator("svg rect.rejected").first()).isAttached();
        assertThat(section.locator(".totals")).containsText("うち拒否");
        chromium.screenshot(operator, "charts");
    }

    private static Page signedIn(RunningPlatform platform, BrowserContext context, String login) {
        Page page = context.newPage();
        page.navigate(platform.uri("/console/login").toString());
        page.locator("#username").fill(login);
        page.locator("#password").fill(PASSWORD);
        page.locator("button[type=submit]").click();
        page.locator("#code").fill(Totp.codeAt(SECRET, Instant.now()));
        page.locator("button[type=submit]").click();
        assertThat(page.locator(".console-staff .staff-name")).isVisible();
        return page;
    }
}
