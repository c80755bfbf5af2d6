package jp.kakehashi.systemtests.support;

import com.microsoft.playwright.Page;
import java.time.Instant;
import jp.kakehashi.shared.Totp;

/** The staff console's sign-in with the demo staff (password, then TOTP), as a bank employee does it. */
public final class ConsoleScreens {

    public static final String PASSWORD = "Kakehashi#Staff2026";
    public static final String TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

    private ConsoleScreens() {
    }

    /**
     * Signs in; a TOTP step this staff member used already (another test of the run) is refused, so the neighbouring
     * steps the console accepts are tried in turn.
     */
    public static void signIn(Page page, RunningPlatform platform, String login) {
        page.navigate(platform.uri("/console/login").toString());
        page.locator("#username").fill(login);
        page.locator("#password").fill(PASSWORD);
        page.locator("form:has(#password) button[type=submit]").click();
        page.waitForLoadState();
        if (!page.url().contains("/console/login/otp")) {
            throw new AssertionError("password step of " + login + " ended at " + page.url() + ": "
                    + page.locator("main").innerText());
        }
        long step = Instant.now().getEpochSecond() / 30;
        for (long candidate = step - 1; candidate <= step + 1; candidate++) {
            page.locator("#code").fill(Totp.codeAt(TOTP_SECRET, Instant.ofEpochSecond(candidate * 30)));
            page.locator("form:has(#code) button[type=submit]").click();
            page.waitForLoadState();
            if (!page.url().contains("/console/login")) {
                return;
            }
        }
        throw new AssertionError("no TOTP step accepted for " + login);
    }
}
