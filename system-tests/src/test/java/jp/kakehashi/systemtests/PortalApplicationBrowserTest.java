package jp.kakehashi.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import jp.kakehashi.systemtests.support.BrowserExtension;
import jp.kakehashi.systemtests.support.ConsoleScreens;
import jp.kakehashi.systemtests.support.PortalScreens;
import jp.kakehashi.systemtests.support.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A TPP applies on the developer portal in a real browser (A1): a refused form keeps everything typed and says what
 * is wrong at each field; the completed application signs the applicant in and shows it as received.
 */
class PortalApplicationBrowserTest {

    @RegisterExtension
    static final BrowserExtension chromium = new BrowserExtension();

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void applyWhenValidationFailsThenInputKeptAndAfterFixingTheTppIsApplied(Page page) {
        String email = "browser-" + UUID.randomUUID() + "@example.jp";
        page.navigate(platform.uri("/portal").toString());
        page.locator("a[href$='/portal/apply']").first().click();
        PortalScreens.fillApplication(page, email, "株式会社ブラウザ申込");
        page.locator("#legalName").fill("");
        page.locator("textarea[name^='evidence[']").first().fill("");
        page.locator("#redirectUris").fill("http://browser.example.jp/callback");
        PortalScreens.submitApplication(page);

        assertThat(page.locator("[data-testid=errors]")).isVisible();
        assertThat(page.locator("[data-error-for=legalName]")).hasText("入力してください。");
        assertThat(page.locator("[data-error-for^='evidence[']")).hasCount(1);
        assertThat(page.locator("[data-error-for=redirectUris]")).containsText("http://browser.example.jp/callback");
        assertThat(page.locator("#representative")).hasValue("代表取締役 試験 太郎");
        assertThat(page.locator("#redirectUris")).hasValue("http://browser.example.jp/callback");
        assertThat(page.locator("[id='contacts0.email']")).hasValue("ciso@browser.example.jp");
        assertThat(page.locator("input[name=scopes][value=balances]")).isChecked();
        assertThat(page.locator("textarea[name^='answers[']").first()).hasValue("回答 0：社内規程に定め、年1回見直しています。");
        assertThat(page.locator("#password")).hasValue("");
        chromium.screenshot(page, "refused-form");

        page.locator("#legalName").fill("株式会社ブラウザ申込");
        page.locator("textarea[name^='evidence[']").first().fill("規程集 第0章");
        page.locator("#redirectUris").fill("https://browser.example.jp/callback");
        PortalScreens.fillPasswords(page);
        PortalScreens.submitApplication(page);

        page.waitForURL("**/portal/home?applied");
        assertThat(page.locator("[data-testid=tpp-status]")).hasAttribute("data-status", "APPLIED");
        assertThat(page.locator("[data-testid=tpp-status]")).hasText("申込み受付");
        chromium.screenshot(page, "applied");
        String tppId = page.locator("article.portal-tpp").getAttribute("data-tpp");
        // the bank's reviewer sees the application as corrected, among the ones to screen
        Page reviewer = chromium.newContext().newPage();
        ConsoleScreens.signIn(reviewer, platform, "reviewer");
        reviewer.navigate(platform.uri("/console/screening").toString());
        assertThat(reviewer.locator("tr[data-tpp='" + tppId + "']")).isVisible();
        reviewer.navigate(platform.uri("/console/screening/" + tppId).toString());
        assertThat(reviewer.locator("[data-testid=tpp-status]")).hasAttribute("data-status", "APPLIED");
        assertThat(reviewer.locator("dt:has-text('リダイレクトURI') + dd code"))
                .hasText(new String[] {"https://browser.example.jp/callback"});

        page.navigate(platform.uri("/portal/home?lang=en").toString());
        assertThat(page.locator("[data-testid=tpp-status]")).hasText("Application received");
    }
}
