package jp.kakehashi.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import jp.kakehashi.authorization.customer.CustomerCredentials;
import jp.kakehashi.systemtests.support.CustomerScreens;
import jp.kakehashi.systemtests.support.BrowserExtension;
import jp.kakehashi.systemtests.support.RunningPlatform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bank's sign-in page in a real browser (B2): a wrong password is refused with a clear message, five in a row
 * lock the customer out even for the right password, and the page speaks English on request.
 *
 * <p>Every test signs in as a customer created for it alone ({@link CustomerScreens#freshCustomer}), so counting
 * failures and locking never touches the demo customers other tests of this JVM sign in with.
 */
class LoginBrowserTest {

    private static final String LOGIN_ERROR_JA = "ログインIDまたはパスワードが正しくないか、ロックされています。";

    @RegisterExtension
    static final BrowserExtension chromium = new BrowserExtension();

    private final RunningPlatform platform = RunningPlatform.get();
    private BrowserContext context;
    private Page page;

    @BeforeEach
    void openBrowser(BrowserContext context, Page page) {
        this.context = context;
        this.page = page;
    }

    @Test
    void signInWhenPasswordIsWrongThenClearJapaneseErrorAndNoSession() {
        String loginId = CustomerScreens.freshCustomer(platform, "試験 一郎");

        page.navigate(platform.uri("/connected-services").toString());
        assertThat(page).hasURL(platform.uri("/login").toString());
        assertThat(page.locator("html")).hasAttribute("lang", "ja");
        assertThat(page.locator("h1")).hasText("ログイン");
        assertThat(page.locator("main .alert")).hasCount(0);
        assertThat(page.locator("main .note")).hasText("パスワードを5回続けて間違えると、30分間ログインできなくなります。");
        chromium.screenshot(page, "01-login");

        CustomerScreens.signIn(page, loginId, "Kakehashi#2025");

        assertThat(page).hasURL(platform.uri("/login?error").toString());
        assertThat(page.locator("main .alert.error[role=alert]")).hasText(LOGIN_ERROR_JA);
        assertThat(page.locator("#password")).hasValue("");
        chromium.screenshot(page, "02-wrong-password");
        page.navigate(platform.uri("/connected-services").toString());
        assertThat(page).hasURL(platform.uri("/login").toString());
    }

    @Test
    void signInWhenFiveWrongPasswordsInARowThenEvenTheRightPasswordIsRefused() {
        String loginId = CustomerScreens.freshCustomer(platform, "試験 次郎");
        // the right password works before the lockout
        page.navigate(platform.uri("/login").toString());
        CustomerScreens.signIn(page, loginId, CustomerScreens.DEMO_PASSWORD);
        assertThat(page).hasURL(platform.uri("/connected-services").toString());
        assertThat(page.locator("h1")).hasText("連携中のサービス");
        assertThat(page.locator("#no-services")).hasText("連携中のサービスはありません。");
        page.locator("form[action='/logout'] button").click();
        assertThat(page).hasURL(platform.uri("/login?logout").toString());
        assertThat(page.locator("main .alert.info")).hasText("ログアウトしました。");

        Instant firstFailure = Instant.now();
        for (int attempt = 1; attempt <= 5; attempt++) {
            CustomerScreens.signIn(page, loginId, "wrong-" + attempt);
            assertThat(page).hasURL(platform.uri("/login?error").toString());
            assertThat(page.locator("main .alert.error")).hasText(LOGIN_ERROR_JA);
            page.navigate(platform.uri("/login").toString());
            assertThat(page.locator("main .alert")).hasCount(0);
        }
        var credential = platform.bean(CustomerCredentials.class).byLoginId(loginId).orElseThrow();
        assertThat(credential.lockedUntil()).as("locked for 30 minutes after the fifth failure")
                .isBetween(firstFailure.plus(Duration.ofMinutes(30)).minusMillis(1), Instant.now().plus(Duration.ofMinutes(30)));

        CustomerScreens.signIn(page, loginId, CustomerScreens.DEMO_PASSWORD);

        assertThat(page).hasURL(platform.uri("/login?error").toString());
        assertThat(page.locator("main .alert.error[role=alert]")).hasText(LOGIN_ERROR_JA);
        chromium.screenshot(page, "03-locked-right-password-refused");
        page.navigate(platform.uri("/connected-services").toString());
        assertThat(page).hasURL(platform.uri("/login").toString());
        assertThat(platform.bean(CustomerCredentials.class).byLoginId(loginId).orElseThrow().lockedUntil())
                .as("the refused right password does not unlock").isEqualTo(credential.lockedUntil());
    }

    @Test
    void signInWhenEnglishIsAskedForThenEnglishTextsAndTheChoiceIsRemembered() {
        String loginId = CustomerScreens.freshCustomer(platform, "Test Saburo");

        page.navigate(platform.uri("/login?lang=en").toString());

        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page).hasTitle("Sign in | Kakehashi Bank");
        assertThat(page.locator("h1")).hasText("Sign in");
        assertThat(page.locator(".bank-official"))
                .hasText("This is an official screen of Kakehashi Bank, not of the connecting (FinTech) service.");
        assertThat(page.locator("label[for=username]")).hasText("Login ID");
        assertThat(page.locator("label[for=password]")).hasText("Password");
        assertThat(page.locator("form:has(#password) button[type=submit]")).hasText("Sign in");
        assertThat(page.locator("main .note")).hasText("After 5 wrong passwords in a row, sign-in is locked for 30 minutes.");
        assertThat(page.locator("main")).not().containsText("ログイン");
        chromium.screenshot(page, "04-login-en");

        CustomerScreens.signIn(page, loginId, "not-the-password");

        assertThat(page).hasURL(platform.uri("/login?error").toString());
        assertThat(page.locator("main .alert.error[role=alert]"))
                .hasText("The login ID or password is wrong, or the account is locked.");
        assertThat(context.cookies()).anySatisfy(cookie -> {
            assertThat(cookie.name).isEqualTo("kakehashi-lang");
            assertThat(cookie.value).isEqualTo("en");
        });
        chromium.screenshot(page, "05-wrong-password-en");

        page.locator("nav.lang a[lang=ja]").click();
        assertThat(page.locator("html")).hasAttribute("lang", "ja");
        assertThat(page.locator("h1")).hasText("ログイン");
    }
}
