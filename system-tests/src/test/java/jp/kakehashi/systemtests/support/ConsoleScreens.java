package jp.kakehashi.systemtests.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Instant;
import java.util.regex.Pattern;
import jp.kakehashi.shared.Totp;

/** The bank staff console in a browser: the demo staff's sign-in with password and TOTP (C4). */
public final class ConsoleScreens {

    /** The demo staff's password and TOTP secret (jp.kakehashi.demo.DemoStaff). */
    public static final String STAFF_PASSWORD = "Kakehashi#Staff2026";
    public static final String STAFF_TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

    private ConsoleScreens() {
    }

    /**
     * Opens the console's sign-in, enters login and password, then the TOTP code, and waits for the dashboard. A code
     * is accepted once and never for a step older than one used, so the codes the bank accepts are tried oldest first,
     * and when all are used the step's turn is awaited (a used code does not count towards the lockout).
     */
    public static void signIn(Page page, RunningPlatform platform, String login) {
        page.navigate(platform.uri("/console/login").toString());
        page.locator("#username").fill(login);
        page.locator("#password").fill(STAFF_PASSWORD);
        page.locator("form:has(#password) button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile(".*/console/login/otp$"));
        for (int round = 0; round < 3; round++) {
            long step = Instant.now().getEpochSecond() / 30;
            for (long candidate = step - 1; candidate <= step + 1; candidate++) {
                if (accepted(page, Totp.codeAt(STAFF_TOTP_SECRET, Instant.ofEpochSecond(candidate * 30)))) {
                    assertThat(page).hasURL(Pattern.compile(".*/console$"));
                    return;
                }
            }
            page.waitForCondition(() -> Instant.now().getEpochSecond() / 30 > step,
                    new Page.WaitForConditionOptions().setTimeout(35_000));
        }
        throw new AssertionError("the staff second factor was refused three times: " + page.locator("main").innerText());
    }

    private static boolean accepted(Page page, String code) {
        page.locator("#code").fill(code);
        var answer = page.waitForResponse(r -> r.url().endsWith("/console/login/otp")
                && "POST".equals(r.request().method()), () -> page.locator("form:has(#code) button[type=submit]").click());
        page.waitForLoadState();
        return answer.status() == 302;
    }
}
