package jp.kakehashi.systemtests.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import jp.kakehashi.authorization.customer.CustomerCredentials;
import jp.kakehashi.shared.Totp;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What browser tests do on the bank's customer screens and around them: sign in, pass the second factor, catch
 * the bank's redirect back to the TPP (whose callback host is not served: the browser context answers it itself),
 * and let the test TPP redeem the code it received.
 */
public final class CustomerScreens {

    public static final String DEMO_PASSWORD = "Kakehashi#2026";
    public static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private CustomerScreens() {
    }

    /**
     * Matches {@code uri} followed by a query. Playwright hands URL patterns to the browser as JavaScript regular
     * expressions, which know no {@code \Q...\E}, so the URI is escaped character by character.
     */
    public static Pattern withQuery(URI uri) {
        return Pattern.compile("^" + uri.toString().replaceAll("[\\\\^$.|?*+()\\[\\]{}/]", "\\\\$0") + "\\?.*$");
    }

    /** Fills the bank's sign-in form and submits it; the caller asserts where the browser went. */
    public static void signIn(Page page, String loginId, String password) {
        page.locator("#username").fill(loginId);
        page.locator("#password").fill(password);
        page.locator("form:has(#password) button[type=submit]").click();
    }

    /**
     * Enters a TOTP code on the second-factor page and waits until the bank lets the browser go on. A customer's code
     * is accepted once per time step and never for an earlier step than one already used (replay protection); other
     * tests of this JVM share the demo customers and may have used the current and even the next step (the bank
     * accepts one step ahead). So the code of this step is tried, then the next step's, and when both are used up the
     * test waits for the step to turn. A used code is refused without counting towards the lockout.
     */
    public static void passSecondFactor(Page page, String totpSecret) {
        assertThat(page).hasURL(Pattern.compile(".*/login/otp$"));
        for (int round = 0; round < 3; round++) {
            long step = Instant.now().getEpochSecond() / 30;
            for (int ahead = 0; ahead <= 1; ahead++) {
                if (accepted(page, Totp.codeAt(totpSecret, Instant.ofEpochSecond((step + ahead) * 30)))) {
                    return;
                }
            }
            page.waitForCondition(() -> Instant.now().getEpochSecond() / 30 > step,
                    new Page.WaitForConditionOptions().setTimeout(35_000));
        }
        throw new AssertionError("the second factor was refused three times: " + page.locator("main").innerText());
    }

    private static boolean accepted(Page page, String code) {
        page.locator("#code").fill(code);
        var answer = page.waitForResponse(r -> r.url().endsWith("/login/otp") && "POST".equals(r.request().method()),
                () -> page.locator("form:has(#code) button[type=submit]").click());
        if (answer.status() != 200) {
            return true; // on its way back to the authorization request
        }
        page.waitForLoadState();
        return false;
    }

    /** A code that is not the customer's TOTP code for any step the bank accepts now. */
    public static String wrongTotpCode(String totpSecret) {
        Instant now = Instant.now();
        List<String> valid = List.of(Totp.codeAt(totpSecret, now.minusSeconds(30)), Totp.codeAt(totpSecret, now),
                Totp.codeAt(totpSecret, now.plusSeconds(30)), Totp.codeAt(totpSecret, now.plusSeconds(60)));
        for (int candidate = 123456;; candidate = (candidate + 111111) % 1_000_000) {
            String code = String.format("%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }

    /**
     * A customer only this test knows, signing in with the demo password and the demo TOTP secret, created as the
     * bank's customer feed would (CustomerCredentials.upsert). It has no accounts at the core bank, so it suits
     * sign-in tests, not consent.
     *
     * @return the login id
     */
    public static String freshCustomer(RunningPlatform platform, String displayName) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String loginId = "browser-" + suffix;
        platform.bean(CustomerCredentials.class).upsert("CT-" + suffix, loginId, displayName, "INDIVIDUAL",
                platform.bean(PasswordEncoder.class).encode(DEMO_PASSWORD), DEMO_TOTP_SECRET);
        return loginId;
    }

    /** The TPP's redirect URI as the browser reaches it: every URL the bank sent the browser to is kept. */
    public static final class TppCallback {

        private final List<URI> received = new CopyOnWriteArrayList<>();

        private TppCallback() {
        }

        /** Answers every request to the TPP's callback host in {@code context} with a small page of the TPP's. */
        public static TppCallback answerIn(BrowserContext context) {
            TppCallback callback = new TppCallback();
            String origin = TestTpp.REDIRECT_URI.getScheme() + "://" + TestTpp.REDIRECT_URI.getAuthority();
            context.route(origin + "/**", route -> callback.answer(route));
            return callback;
        }

        private void answer(Route route) {
            received.add(URI.create(route.request().url()));
            route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/html; charset=utf-8")
                    .setBody("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>TPP</title></head>"
                            + "<body style=\"font-family:sans-serif;background:#eee\"><h1 id=\"tpp-callback\">"
                            + "テスト家計簿（連携先の画面）</h1><p>The TPP received the bank's answer.</p></body></html>"));
        }

        /** Waits until the browser shows the TPP's redirect URI and returns the URL the bank sent it to. */
        public URI awaitRedirect(Page page) {
            page.waitForURL(withQuery(TestTpp.REDIRECT_URI));
            assertThat(page.locator("#tpp-callback")).isVisible();
            if (received.isEmpty()) {
                throw new AssertionError("the TPP's callback was shown but never requested");
            }
            return received.getLast();
        }

        public List<URI> received() {
            return List.copyOf(received);
        }
    }

    /** The TPP's tokens from a code the browser brought back, with the bank's grant id for them. */
    public record Redeemed(TestTpp tpp, OIDCTokens tokens, String grantId) {

        public static Redeemed redeem(RunningPlatform platform, TestTpp tpp, AuthorizationCode code,
                CodeVerifier verifier) throws Exception {
            var response = OIDCTokenResponseParser.parse(tpp.sendWithDpop(new TokenRequest(
                    tpp.metadata().getTokenEndpointURI(), tpp.clientAuthentication(),
                    new AuthorizationCodeGrant(code, TestTpp.REDIRECT_URI, verifier)).toHTTPRequest(), null));
            if (!response.indicatesSuccess()) {
                throw new AssertionError("token request refused: "
                        + response.toErrorResponse().getErrorObject().toJSONObject());
            }
            OIDCTokens tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
            return new Redeemed(tpp, tokens, Connection.grantIdOf(response.toSuccessResponse()));
        }

        public DPoPAccessToken accessToken() {
            return (DPoPAccessToken) tokens.getAccessToken();
        }

        /** The HTTP status of a userinfo call of the TPP with its access token. */
        public int userInfoStatus() throws Exception {
            var request = new UserInfoRequest(tpp.metadata().getUserInfoEndpointURI(), accessToken()).toHTTPRequest();
            return tpp.sendWithDpop(request, accessToken()).getStatusCode();
        }
    }
}
