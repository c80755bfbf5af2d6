package jp.kakehashi.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.util.Set;
import java.util.regex.Pattern;
import jp.kakehashi.systemtests.support.CustomerScreens;
import jp.kakehashi.systemtests.support.CustomerScreens.Redeemed;
import jp.kakehashi.systemtests.support.CustomerScreens.TppCallback;
import jp.kakehashi.systemtests.support.BrowserExtension;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Passkeys (B3) in a real browser with Chromium's virtual authenticator (a platform authenticator with user
 * verification, as a phone's fingerprint sensor): adding one needs a second factor first; a passkey sign-in is at the
 * MFA level, so a payment right is consented without the one-time password.
 *
 * <p>Customer: kakehashi-shoji (C0003), whom no other browser test uses.
 */
class PasskeyBrowserTest {

    private static final String CUSTOMER = "kakehashi-shoji";

    @RegisterExtension
    static final BrowserExtension chromium = new BrowserExtension();

    private final RunningPlatform platform = RunningPlatform.get();
    private BrowserContext context;
    private Page page;

    @BeforeEach
    void openBrowser(BrowserContext context, Page page) {
        this.context = context;
        this.page = page;
        addVirtualAuthenticator(page);
    }

    @Test
    void passkeyWhenAddedAfterSecondFactorThenSignInReachesMfaAndPaymentNeedsNoOneTimePassword() throws Exception {
        // adding a passkey: the password alone is not enough, the one-time password comes first
        page.navigate(platform.uri("/passkeys").toString());
        CustomerScreens.signIn(page, CUSTOMER, CustomerScreens.DEMO_PASSWORD);
        CustomerScreens.passSecondFactor(page, CustomerScreens.DEMO_TOTP_SECRET);
        assertThat(page).hasURL(Pattern.compile(".*/passkeys(\\?.*)?$"));
        assertThat(page.locator("h1")).hasText("パスキーの管理");
        assertThat(page.locator("#no-passkeys")).isVisible();

        page.locator("#label").fill("テスト端末");
        page.locator("#register").click();
        assertThat(page).hasURL(Pattern.compile(".*/passkeys\\?success.*"));
        assertThat(page.locator("#success")).isVisible();
        assertThat(page.locator("[data-testid=passkey]")).hasCount(1);
        assertThat(page.locator("[data-testid=passkey]")).containsText("テスト端末");
        chromium.screenshot(page, "01-passkey-added");

        page.navigate(platform.uri("/connected-services").toString());
        page.locator("form[action$='/logout'] button").click();
        assertThat(page).hasURL(Pattern.compile(".*/login\\?logout$"));

        // a TPP asks for a payment right; the customer signs in with the passkey only
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "transfers"));
        TppCallback callback = TppCallback.answerIn(context);
        CodeVerifier verifier = new CodeVerifier();
        var request = tpp.authorizationRequest(new Scope("openid", "accounts", "transfers"), verifier).build();
        page.navigate(tpp.push(request).toString());
        assertThat(page.locator("#passkey-signin")).hasText("パスキーでログイン");
        chromium.screenshot(page, "02-login-with-passkey");
        page.locator("#passkey-signin").click();

        // no one-time password page: straight to the consent screen for payments
        assertThat(page).hasURL(Pattern.compile(".*/consent\\?.*"));
        assertThat(page.locator("#rights li[data-scope=transfers]")).isVisible();
        page.locator("#accounts input[name=account]").first().check();
        page.locator("#understood").check();
        chromium.screenshot(page, "03-consent-after-passkey");
        page.locator("#approve").click();

        var response = AuthorizationResponse.parse(callback.awaitRedirect(page));
        assertThat(response.indicatesSuccess()).isTrue();
        Redeemed redeemed = Redeemed.redeem(platform, tpp, response.toSuccessResponse().getAuthorizationCode(),
                verifier);
        var claims = ((SignedJWT) redeemed.tokens().getIDToken()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("acr")).isEqualTo("urn:kakehashi:acr:mfa");
        assertThat(claims.getStringListClaim("amr")).contains("hwk").doesNotContain("pwd", "otp");
        assertThat(redeemed.userInfoStatus()).isEqualTo(200);
    }

    @Test
    void passkeysPageWhenSignedInWithPasswordOnlyThenAsksForTheOneTimePasswordFirst() {
        page.navigate(platform.uri("/passkeys").toString());
        CustomerScreens.signIn(page, CustomerScreens.freshCustomer(platform, "パスキー 未登録"),
                CustomerScreens.DEMO_PASSWORD);

        assertThat(page).hasURL(Pattern.compile(".*/login/otp$"));
        assertThat(page.locator("#passkey-signin")).hasText("パスキーで確認");
        chromium.screenshot(page, "04-second-factor-before-adding");
    }

    @Test
    void passkeyRegistrationWhenPostedWithPasswordSessionOnlyThenRefused() {
        page.navigate(platform.uri("/login").toString());
        CustomerScreens.signIn(page, CustomerScreens.freshCustomer(platform, "直接登録 試行"),
                CustomerScreens.DEMO_PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/connected-services$"));
        String csrf = page.locator("form[action$='/logout'] input[name=_csrf]").inputValue();

        var answer = page.request().post(platform.uri("/webauthn/register").toString(),
                com.microsoft.playwright.options.RequestOptions.create().setHeader("X-CSRF-TOKEN", csrf)
                        .setHeader("Content-Type", "application/json").setData("{}").setMaxRedirects(0));

        // Spring sends a customer who lacks the needed factor to sign in with it; a reached registration
        // endpoint would have answered the empty body with 400 instead
        assertThat(answer.status()).as("a stolen password must not mint a passkey").isEqualTo(302);
        assertThat(answer.headers().get("location")).contains("/login?").contains("factor.reason=missing");
    }

    /** Chromium's virtual authenticator over CDP: a built-in authenticator that verifies the user every time. */
    private static void addVirtualAuthenticator(Page page) {
        CDPSession cdp = page.context().newCDPSession(page);
        cdp.send("WebAuthn.enable");
        JsonObject options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        JsonObject parameters = new JsonObject();
        parameters.add("options", options);
        cdp.send("WebAuthn.addVirtualAuthenticator", parameters);
    }
}
