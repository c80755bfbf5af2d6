package jp.kakehashi.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import jp.kakehashi.admin.Approval;
import jp.kakehashi.admin.Requested;
import jp.kakehashi.admin.StaffAccounts;
import jp.kakehashi.admin.StaffRequests;
import jp.kakehashi.systemtests.support.ConsoleScreens;
import jp.kakehashi.systemtests.support.BrowserExtension;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A suspension in the staff console (A6, C4, C5), in real browsers: an operator signs in with password and TOTP and
 * requests the suspension of the demo TPP with a reason; an approver, in a browser of their own, approves it; the TPP
 * shows SUSPENDED with the reason and both names; a reviewer is refused the suspension form; the staff action log,
 * as the auditor reviews it, lists every step and the refused attempt. Screenshots in target/screenshots. The demo TPP is resumed afterwards (two other staff), so other
 * tests of this JVM find it active.
 */
class ConsoleSuspensionBrowserTest {

    private static final String DEMO_TPP = "tpp-demo-fintech";
    private static final String REASON = "不正アクセスの疑い（システムテスト）";

    @RegisterExtension
    static final BrowserExtension chromium = new BrowserExtension();

    private final RunningPlatform platform = RunningPlatform.get();

    @AfterAll
    static void shutDown() {
        resumeDemoTpp();
    }

    @Test
    void suspensionWhenOperatorRequestsAndAnotherApproverApprovesThenSuspendedWithReasonNamesAndLog() {
        Page operator = chromium.newContext().newPage();
        operator.navigate(platform.uri("/console/tpps/" + DEMO_TPP).toString());
        assertThat(operator).hasURL(java.util.regex.Pattern.compile(".*/console/login$"));
        ConsoleScreens.signIn(operator, platform, "operator");
        assertThat(operator.locator(".staff-name")).hasText("運用 太郎");
        operator.navigate(platform.uri("/console/tpps/" + DEMO_TPP).toString());
        assertThat(operator.locator("#tpp-status")).hasText("利用中");
        assertThat(operator.locator("#tpp-status")).hasClass(java.util.regex.Pattern.compile("\\bstatus-ACTIVE\\b"));
        operator.locator("#request-suspend").click();
        operator.locator("#reason").fill(REASON);
        chromium.screenshot(operator, "01-operator-requests-suspension");
        operator.locator("#submit-request").click();
        assertThat(operator.locator(".alert.info")).containsText("依頼しました");
        // requested only: nothing happens before the second person approves
        assertThat(operator.locator("#tpp-status")).hasText("利用中");

        Page reviewer = chromium.newContext().newPage();
        ConsoleScreens.signIn(reviewer, platform, "reviewer");
        var refused = reviewer.navigate(platform.uri("/console/tpps/" + DEMO_TPP + "/suspend").toString());
        assertThat(refused.status()).isEqualTo(403);

        Page approver = chromium.newContext().newPage();
        ConsoleScreens.signIn(approver, platform, "approver");
        approver.navigate(platform.uri("/console/approvals").toString());
        Locator request = approver.locator("tr.request", new Page.LocatorOptions().setHasText(REASON));
        assertThat(request.locator(".what")).hasText("株式会社デモフィンテック の接続停止");
        assertThat(request.locator(".requested-by")).hasText("運用 太郎");
        chromium.screenshot(approver, "02-approver-sees-the-request");
        request.locator("button.approve").click();
        assertThat(approver.locator(".alert.info")).hasText("承認し、実行しました。");

        operator.reload();
        assertThat(operator.locator("#tpp-status")).hasText("停止中");
        Locator latest = operator.locator("#history tr.history-row").first();
        assertThat(latest.locator(".to")).hasText("停止中");
        assertThat(latest.locator(".reason")).hasText(REASON);
        assertThat(latest.locator(".requested-by")).hasText("運用 太郎");
        assertThat(latest.locator(".approved-by")).hasText("承認 一郎");
        assertThat(operator.locator("#tpp-status")).hasClass(java.util.regex.Pattern.compile("\\bstatus-SUSPENDED\\b"));
        chromium.screenshot(operator, "03-tpp-suspended");

        // the auditor's review of this month's log shows the steps in the order they happened, in English too
        Page auditor = chromium.newContext().newPage();
        ConsoleScreens.signIn(auditor, platform, "auditor");
        auditor.navigate(platform.uri("/console/access-review?lang=en&month="
                + java.time.YearMonth.now(java.time.ZoneId.of("Asia/Tokyo"))).toString());
        assertThat(auditor.locator("h1")).hasText("Access-log review");
        Locator entries = auditor.locator("#entries tr.entry");
        assertThat(entries.filter(new Locator.FilterOptions().setHasText("tpp.suspend.approved"))
                .locator(".staff")).hasText("承認 一郎");
        assertThat(entries.filter(new Locator.FilterOptions().setHasText("tpp.suspend.requested"))
                .locator(".staff")).hasText("運用 太郎");
        Locator onTheForm = entries.filter(new Locator.FilterOptions().setHasText("/console/tpps/" + DEMO_TPP
                + "/suspend"));
        assertThat(onTheForm.filter(new Locator.FilterOptions().setHasText("console.post")).locator(".outcome"))
                .hasText("302");
        // the reviewer's attempt is there too
        Locator denied = onTheForm.filter(new Locator.FilterOptions().setHasText("console.denied"));
        assertThat(denied.locator(".staff")).hasText("審査 花子");
        assertThat(denied.locator(".outcome")).hasText("403");
        assertThat(auditor.locator("#chain-intact")).isVisible();
        long requested = sequenceNumber(entries, "運用 太郎", "tpp.suspend.requested", DEMO_TPP, "pending");
        long posted = sequenceNumber(entries, "運用 太郎", "console.post", "/console/tpps/" + DEMO_TPP + "/suspend",
                "302");
        long approved = sequenceNumber(entries, "承認 一郎", "tpp.suspend.approved", DEMO_TPP, "success");
        assertThat(requested).isLessThan(posted);
        assertThat(posted).isLessThan(approved);
        assertThat(entries.filter(new Locator.FilterOptions().setHasText("console.sign-in.second-factor"))
                .filter(new Locator.FilterOptions().setHasText("運用 太郎")).all())
                .extracting(row -> Long.parseLong(row.locator("td").first().innerText().trim()))
                .anySatisfy(signIn -> assertThat(signIn).isLessThan(requested));
        chromium.screenshot(auditor, "04-auditor-reviews-the-log");
    }

    /** The sequence number of the one row of the access review with exactly this staff, action, target and outcome. */
    private static long sequenceNumber(Locator entries, String staff, String action, String target, String outcome) {
        Locator row = entries.filter(new Locator.FilterOptions().setHas(entries.page().locator("td.action",
                new Page.LocatorOptions().setHasText(exactly(action)))))
                .filter(new Locator.FilterOptions().setHas(entries.page().locator("td.target",
                        new Page.LocatorOptions().setHasText(exactly(target)))))
                .filter(new Locator.FilterOptions().setHas(entries.page().locator("td.outcome",
                        new Page.LocatorOptions().setHasText(exactly(outcome)))))
                .filter(new Locator.FilterOptions().setHas(entries.page().locator("td.staff",
                        new Page.LocatorOptions().setHasText(exactly(staff)))));
        assertThat(row).hasCount(1);
        return Long.parseLong(row.locator("td").first().innerText().trim());
    }

    /**
     * A pattern matching exactly {@code text}. Playwright hands patterns to the browser as JavaScript regular
     * expressions, which know no {@code \\Q...\\E} quoting: each special character is escaped instead.
     */
    private static java.util.regex.Pattern exactly(String text) {
        return java.util.regex.Pattern.compile("^" + text.replaceAll("[.*+?^${}()|\\[\\]\\\\]", "\\\\$0") + "$");
    }

    /** Two other demo staff resume the demo TPP through the same maker-checker queue. */
    private static void resumeDemoTpp() {
        RunningPlatform platform = RunningPlatform.get();
        if (platform.bean(Tpps.class).find(DEMO_TPP).orElseThrow().status() != TppStatus.SUSPENDED) {
            return;
        }
        var accounts = platform.bean(StaffAccounts.class);
        var requests = platform.bean(StaffRequests.class);
        var filed = requests.request(accounts.findByLogin("operator").orElseThrow(), "tpp.resume", DEMO_TPP, Map.of(),
                "システムテスト後の再開");
        var approved = requests.approve(accounts.findByLogin("approver2").orElseThrow(),
                ((Requested.Filed) filed).request().id());
        assertThat(approved).isInstanceOf(Approval.Decided.class);
        assertThat(platform.bean(Tpps.class).find(DEMO_TPP).orElseThrow().status()).isEqualTo(TppStatus.ACTIVE);
    }
}
