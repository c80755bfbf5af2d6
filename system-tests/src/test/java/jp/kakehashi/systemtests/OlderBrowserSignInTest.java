package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.shared.Totp;
import jp.kakehashi.systemtests.support.CustomerScreens;
import jp.kakehashi.systemtests.support.RunningPlatform;
import org.htmlunit.BrowserVersion;
import org.htmlunit.ScriptException;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * B2, B3: the bank's screens work in a browser whose script engine knows neither WebAuthn nor modern syntax (async
 * functions, object spread), such as HtmlUnit's, which the OpenID Foundation's conformance suite drives sign-in with.
 * No page raises a script error, password and one-time-password sign-in work, and the passkey parts say they are not
 * available rather than showing buttons that do nothing. Chromium's side (passkeys shown and working) is
 * {@code PasskeyBrowserTest}.
 */
class OlderBrowserSignInTest {

    private final RunningPlatform platform = RunningPlatform.get();
    private final List<ScriptException> scriptErrors = new ArrayList<>();
    private WebClient browser;

    @BeforeEach
    void openBrowser() {
        browser = new WebClient(BrowserVersion.FIREFOX_ESR);
        browser.getOptions().setUseInsecureSSL(true); // the test platform's self-signed certificate
        browser.getOptions().setThrowExceptionOnScriptError(false); // collected instead, to name them all
        browser.setJavaScriptErrorListener(new org.htmlunit.javascript.SilentJavaScriptErrorListener() {
            @Override
            public void scriptException(HtmlPage page, ScriptException error) {
                scriptErrors.add(error);
            }
        });
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void signInWhenTheBrowserHasNoWebAuthnThenPasswordAndOneTimePasswordWorkWithoutScriptErrors() throws Exception {
        String loginId = CustomerScreens.freshCustomer(platform, "旧式 一郎");

        HtmlPage login = browser.getPage(platform.uri("/connected-services").toString());
        assertThat(login.getUrl().getPath()).isEqualTo("/login");
        assertThat(login.<HtmlElement>querySelector("section.passkey").isDisplayed())
                .as("no passkey button where passkeys cannot work").isFalse();
        HtmlForm form = login.getFirstByXPath("//form[.//input[@id='password']]");
        form.getInputByName("username").type(loginId);
        form.getInputByName("password").type(CustomerScreens.DEMO_PASSWORD);
        HtmlPage services = form.<HtmlButton>querySelector("button[type=submit]").click();
        assertThat(services.getUrl().getPath()).isEqualTo("/connected-services");

        HtmlPage otp = browser.getPage(platform.uri("/passkeys").toString());
        assertThat(otp.getUrl().getPath()).isEqualTo("/login/otp");
        assertThat(otp.<HtmlElement>querySelector("section.passkey").isDisplayed()).isFalse();
        HtmlPage passkeys = passSecondFactor(otp);
        assertThat(passkeys.getUrl().getPath()).isEqualTo("/passkeys");
        assertThat(passkeys.<HtmlElement>querySelector("#passkeys-unsupported").isDisplayed()).isTrue();
        assertThat(passkeys.<HtmlElement>querySelector("#passkeys-unsupported").getTextContent())
                .contains("このブラウザはパスキーに対応していない");
        assertThat(passkeys.<HtmlButton>querySelector("#register").isDisabled()).isTrue();

        assertThat(scriptErrors).as("script errors on the bank's pages").isEmpty();
    }

    /** This step's code of the fresh customer's TOTP seed, or the next step's if the step turned meanwhile. */
    private HtmlPage passSecondFactor(HtmlPage otp) throws Exception {
        long step = Instant.now().getEpochSecond() / 30;
        HtmlPage page = otp;
        for (long candidate = step; candidate <= step + 1; candidate++) {
            HtmlForm form = page.getFirstByXPath("//form[.//input[@id='code']]");
            form.getInputByName("code").type(Totp.codeAt(CustomerScreens.DEMO_TOTP_SECRET,
                    Instant.ofEpochSecond(candidate * 30)));
            page = form.<HtmlButton>querySelector("button[type=submit]").click();
            if (!page.getUrl().getPath().equals("/login/otp")) {
                return page;
            }
        }
        return page;
    }
}
