package jp.kakehashi.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.UUID;
import jp.kakehashi.systemtests.support.ConsoleScreens;
import jp.kakehashi.systemtests.support.BrowserExtension;
import jp.kakehashi.systemtests.support.PortalScreens;
import jp.kakehashi.systemtests.support.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A screening from application to approval in real browsers (A1–A3, maker-checker): the TPP applies on the portal;
 * the demo reviewer screens it in the console, cannot recommend before every mandatory item has a finding, records
 * findings and a certification, and recommends; the demo approver approves in the approvals queue; console and
 * portal both show it approved, with the recommendation's summary as the reason.
 */
class ScreeningApprovalBrowserTest {

    @RegisterExtension
    static final BrowserExtension chromium = new BrowserExtension();

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void screeningWhenReviewerRecommendsAndApproverApprovesThenApprovedInConsoleAndPortal() {
        String legalName = "株式会社審査ブラウザ" + UUID.randomUUID().toString().substring(0, 4);
        Page applicant = chromium.newContext().newPage();
        applicant.navigate(platform.uri("/portal/apply").toString());
        PortalScreens.fillApplication(applicant, "screening-" + UUID.randomUUID() + "@example.jp", legalName);
        PortalScreens.submitApplication(applicant);
        applicant.waitForURL("**/portal/home?applied");
        String tppId = applicant.locator("article.portal-tpp").getAttribute("data-tpp");

        Page reviewer = chromium.newContext().newPage();
        ConsoleScreens.signIn(reviewer, platform, "reviewer");
        reviewer.navigate(platform.uri("/console/screening").toString());
        reviewer.locator("tr[data-tpp='" + tppId + "'] a").click();
        reviewer.locator("#start-screening").click();
        assertThat(reviewer.locator("[data-testid=tpp-status]")).hasAttribute("data-status", "SCREENING");

        recommend(reviewer, "早すぎる推奨");
        assertThat(reviewer.locator("[data-testid=error]")).hasText("所見のない必須項目があるため推奨できません。");
        assertThat(reviewer.locator("#summary")).hasValue("早すぎる推奨");

        Locator items = reviewer.locator(".screening-item");
        int count = items.count();
        for (int i = 0; i < count; i++) {
            Locator item = reviewer.locator(".screening-item").nth(i);
            item.locator("input[name=assessment][value=SATISFIED]").check();
            item.locator("textarea[name=note]").fill("根拠資料（規程集）で確認した。");
            item.locator(".finding-form button[type=submit]").click();
            reviewer.waitForLoadState();
        }
        assertThat(reviewer.locator(".finding.missing")).hasCount(0);
        reviewer.locator("#ref-kind").selectOption("CERTIFICATION");
        reviewer.locator("#ref-name").fill("ISO/IEC 27001");
        reviewer.locator("#ref-issuer").fill("日本品質保証機構");
        reviewer.locator("#ref-number").fill("JQA-IM9999");
        reviewer.locator("#ref-valid").fill("2028-03-31");
        reviewer.locator(".reference-form button[type=submit]").click();
        assertThat(reviewer.locator("tr.reference")).containsText("ISO/IEC 27001");

        recommend(reviewer, "全項目を充足。口座一覧の照会のみ承認を推奨する。");
        assertThat(reviewer.locator("tr.recommendation[data-state=PENDING]")).hasCount(1);
        chromium.screenshot(reviewer, "recommended");

        Page approver = chromium.newContext().newPage();
        ConsoleScreens.signIn(approver, platform, "approver");
        approver.navigate(platform.uri("/console/approvals").toString());
        Locator request = approver.locator("tr.request", new Page.LocatorOptions().setHasText(legalName));
        assertThat(request).containsText("口座一覧の照会のみ承認を推奨する。");
        request.locator("button.approve").click();
        assertThat(approver.locator("tr.request", new Page.LocatorOptions().setHasText(legalName))).hasCount(0);

        approver.navigate(platform.uri("/console/screening/" + tppId).toString());
        assertThat(approver.locator("[data-testid=tpp-status]")).hasAttribute("data-status", "APPROVED");
        chromium.screenshot(approver, "approved-in-console");
        // the TPP's own page in the console: approved, for exactly the scope recommended
        approver.navigate(platform.uri("/console/tpps/" + tppId).toString());
        assertThat(approver.locator("#tpp-status")).hasClass(java.util.regex.Pattern.compile("\\bstatus-APPROVED\\b"));
        assertThat(approver.locator("dt:has-text('承認済みスコープ') + dd .scope")).hasText(new String[] {"accounts"});

        applicant.navigate(platform.uri("/portal/home").toString());
        assertThat(applicant.locator("[data-testid=tpp-status]")).hasAttribute("data-status", "APPROVED");
        assertThat(applicant.locator("table.portal-history")).containsText("口座一覧の照会のみ承認を推奨する。");
        chromium.screenshot(applicant, "approved-in-portal");
    }

    private static void recommend(Page reviewer, String summary) {
        reviewer.locator("input[name=outcome][value=APPROVE]").check();
        reviewer.locator("input[name=scopes][value=balances]").uncheck();
        reviewer.locator("input[name=scopes][value=accounts]").check();
        reviewer.locator("#summary").fill(summary);
        reviewer.locator("#recommend-button").click();
        reviewer.waitForLoadState();
    }
}
