package jp.kakehashi.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jp.kakehashi.consent.AccountDirectory;
import jp.kakehashi.consent.AccountDirectory.ConsentableAccount;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.CustomerScreens;
import jp.kakehashi.systemtests.support.CustomerScreens.Redeemed;
import jp.kakehashi.systemtests.support.CustomerScreens.TppCallback;
import jp.kakehashi.systemtests.support.BrowserExtension;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import jp.kakehashi.tpp.Tpp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bank's consent screen in a real browser (D1–D4, B2, B3): a TPP pushes its request, the customer's browser
 * is sent to the bank's Japanese sign-in, then to the consent screen, and back to the TPP with the answer.
 *
 * <p>Customers: yamada (C0001) for read rights and refusal, sato (C0002) for payment rights with step-up. Each test
 * registers its own TPP, so grants of other tests in this JVM do not interfere.
 */
class ConsentBrowserTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日").withZone(TOKYO);

    @RegisterExtension
    static final BrowserExtension chromium = new BrowserExtension();

    private final RunningPlatform platform = RunningPlatform.get();
    private BrowserContext context;
    private Page page;
    private TppCallback callback;

    @BeforeEach
    void openBrowser(BrowserContext context) {
        this.context = context;
        callback = TppCallback.answerIn(context);
        page = context.newPage();
    }

    @Test
    void consentScreenWhenTppAsksForReadRightsThenShowsEverythingAndTheChosenAccountIsGranted() throws Exception {
        TestTpp testTpp = TestTpp.register(platform, Set.of("accounts", "balances", "transactions"));
        Tpp tpp = testTpp.registration();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = testTpp.authorizationRequest(
                new Scope("openid", "accounts", "balances", "transactions"), verifier).build();
        List<ConsentableAccount> accounts = platform.bean(AccountDirectory.class).accountsOf("C0001");
        assertThat(accounts).as("yamada's accounts at the bank").isNotEmpty();

        page.navigate(testTpp.push(request).toString());

        // B2: the bank's own sign-in, in Japanese, before anything is shown about the customer
        assertThat(page).hasURL(platform.uri("/login").toString());
        assertShowsTheBanksOwnSignIn();
        chromium.screenshot(page, "01-login");
        CustomerScreens.signIn(page, "yamada", CustomerScreens.DEMO_PASSWORD);

        Instant shownAfter = Instant.now();
        assertThat(page).hasURL(CustomerScreens.withQuery(platform.uri("/consent")));
        assertThat(page.locator("h1")).hasText("サービス連携の確認");
        // who asks: the TPP's service and company (D1)
        assertThat(page.locator("#tpp-service")).hasText(tpp.serviceName());
        assertThat(page.locator("main > .lead")).containsText("は、" + tpp.legalName() + " が提供するサービスです。");
        assertShowsEachReadRightAndNoPaymentRight();
        // the accounts: every one of the customer's, as a checkbox, the customer chooses
        Locator choices = page.locator("#accounts input[type=checkbox][name=account]");
        assertThat(choices).hasCount(accounts.size());
        for (ConsentableAccount account : accounts) {
            assertThat(page.locator("#accounts label.account", new Page.LocatorOptions().setHasText(account.label())))
                    .hasCount(1);
        }
        assertThat(page.locator("#accounts .note")).hasText("連携先に見せる口座を選んでください（1つ以上）。選ばなかった口座は連携先から見えません。");
        assertShowsTheTermsAndThatTheTppIsNotTheBank(shownAfter);
        assertShowsBothContactPoints(tpp);
        assertThat(page.locator("#approve")).hasText("同意して連携する");

        // the customer chooses exactly one account: the last one
        for (int i = 0; i < accounts.size(); i++) {
            choices.nth(i).setChecked(i == accounts.size() - 1);
        }
        ConsentableAccount chosen = accounts.getLast();
        chromium.screenshot(page, "02-consent");

        // D2: agreeing needs the explicit confirmation; without it the browser stays on the bank's screen
        assertThat(page.locator("#understood")).not().isChecked();
        page.locator("#approve").click();
        assertThat(page).hasURL(CustomerScreens.withQuery(platform.uri("/consent")));
        assertThat((Boolean) page.locator("#understood").evaluate("e => e.validity.valueMissing"))
                .as("the browser asks for the confirmation tick").isTrue();
        assertThat(callback.received()).isEmpty();

        page.locator("#understood").check();
        page.locator("#approve").click();

        URI redirect = callback.awaitRedirect(page);
        chromium.screenshot(page, "03-back-at-tpp");
        AuthorizationResponse response = AuthorizationResponse.parse(redirect);
        assertThat(response.indicatesSuccess()).as("authorization response %s", redirect).isTrue();
        AuthorizationSuccessResponse success = response.toSuccessResponse();
        assertThat(success.getAuthorizationCode()).isNotNull();
        assertThat(success.getState()).isEqualTo(request.getState());
        assertThat(success.getIssuer().getValue()).as("RFC 9207 iss").isEqualTo(platform.issuer().toString());
        assertThat(callback.received()).hasSize(1);

        Redeemed redeemed = Redeemed.redeem(platform, testTpp, success.getAuthorizationCode(), verifier);
        // what the TPP was granted, as it learns it: the token's scope, and the accounts the API then lists
        assertThat(redeemed.accessToken().getScope().toStringList()).contains("accounts", "balances", "transactions")
                .doesNotContain("transfers");
        var api = new ApiClient(platform, new Connection(testTpp, redeemed.grantId(), redeemed.accessToken(),
                redeemed.tokens().getRefreshToken()));
        var listed = api.get("/v1/accounts");
        assertThat(listed.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        var listedAccounts = (List<java.util.Map<String, Object>>) listed.json().get("accounts");
        assertThat(listedAccounts).as("only the account the customer ticked")
                .extracting(account -> account.get("accountId")).containsExactly(chosen.accountId());
        assertThat(redeemed.userInfoStatus()).isEqualTo(200);
    }

    @Test
    void consentScreenWhenTppAsksForTransfersThenSecondFactorFirstAndPaymentRightsStandApart() throws Exception {
        TestTpp testTpp = TestTpp.register(platform, Set.of("accounts", "transfers"));
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = testTpp.authorizationRequest(new Scope("openid", "accounts", "transfers"),
                verifier).build();

        page.navigate(testTpp.push(request).toString());
        assertThat(page).hasURL(platform.uri("/login").toString());
        CustomerScreens.signIn(page, "sato", CustomerScreens.DEMO_PASSWORD);

        // B3: the password is not enough for payment rights; the second factor comes before any consent screen
        assertThat(page).hasURL(platform.uri("/login/otp").toString());
        assertThat(page.locator("h1")).hasText("追加認証（ワンタイムパスワード）");
        assertThat(page.locator("main > .lead")).containsText("より強い本人確認が必要です");
        chromium.screenshot(page, "04-step-up");
        page.locator("#code").fill(CustomerScreens.wrongTotpCode(CustomerScreens.DEMO_TOTP_SECRET));
        page.locator("form:has(#code) button[type=submit]").click();
        assertThat(page.locator("main .alert.error")).hasText("ワンタイムパスワードが正しくありません。もう一度お試しください。");
        assertThat(page).hasURL(platform.uri("/login/otp").toString());
        chromium.screenshot(page, "05-step-up-wrong-code");
        CustomerScreens.passSecondFactor(page, CustomerScreens.DEMO_TOTP_SECRET);

        assertThat(page).hasURL(CustomerScreens.withQuery(platform.uri("/consent")));
        // D2: the payment consent looks different from a read consent, by class and by what the eye sees
        assertThat(page.locator("body")).hasClass(Pattern.compile("\\bpayment\\b"));
        assertThat(page.locator("h1")).hasText("お支払い（振込）権限の確認");
        assertThat(page.locator(".payment-badge")).hasText("重要：この連携には、お客さまの口座からお金を動かす（振込する）権限が含まれます");
        Locator transfers = page.locator("#rights li[data-scope=transfers]");
        Locator accounts = page.locator("#rights li[data-scope=accounts]");
        assertThat(transfers).hasClass(Pattern.compile("\\bpayment-right\\b"));
        assertThat(transfers).containsText("振込");
        assertThat(transfers).containsText("選んだ口座から振込を依頼できます。お金が口座から出ていきます。");
        assertThat(accounts).not().hasClass(Pattern.compile("\\bpayment-right\\b"));
        assertThat(page.locator("#rights .payment-right")).hasCount(1);
        String paymentBackground = (String) transfers.evaluate("e => getComputedStyle(e).backgroundColor");
        String readBackground = (String) accounts.evaluate("e => getComputedStyle(e).backgroundColor");
        assertThat(paymentBackground).as("payment right background").isNotEqualTo(readBackground)
                .isNotEqualTo("rgba(0, 0, 0, 0)");
        assertThat((String) transfers.evaluate("e => getComputedStyle(e).borderLeftStyle")).isEqualTo("solid");
        assertThat((String) page.locator("#approve").evaluate("e => getComputedStyle(e).backgroundColor"))
                .as("the agree button is the payment colour, not the bank's usual one").isEqualTo("rgb(179, 38, 30)");
        assertThat(page.locator("label.confirm")).containsText("連携先がお客さまの口座から振込できるようになることを理解し、同意します。");
        assertThat(page.locator("#approve")).hasText("振込の権限を与えることに同意する");
        // payment rights last shorter (B6)
        assertThat(page.locator("#expiry")).hasText(Pattern.compile("^\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2} まで（これより長くは延長されません）$"));
        assertThat(page.locator("#expiry")).containsText(JA_DATE.format(Instant.now().plus(Duration.ofDays(30))));
        assertThat(page.locator("#token-lifetime")).containsText("有効期間は 5 分です。");
        page.locator("#accounts input[name=account]").first().check();
        chromium.screenshot(page, "06-consent-payment");

        page.locator("#understood").check();
        page.locator("#approve").click();

        URI redirect = callback.awaitRedirect(page);
        AuthorizationResponse response = AuthorizationResponse.parse(redirect);
        assertThat(response.indicatesSuccess()).as("authorization response %s", redirect).isTrue();
        assertThat(response.toSuccessResponse().getState()).isEqualTo(request.getState());
        Redeemed redeemed = Redeemed.redeem(platform, testTpp, response.toSuccessResponse().getAuthorizationCode(),
                verifier);
        SignedJWT idToken = (SignedJWT) redeemed.tokens().getIDToken();
        assertThat(idToken.getJWTClaimsSet().getStringClaim("acr")).as("the grant rests on a second factor")
                .isEqualTo("urn:kakehashi:acr:mfa");
        assertThat(redeemed.accessToken().getScope().toStringList()).as("the rights granted, as the TPP learns them")
                .contains("transfers");
    }

    @Test
    void consentScreenWhenCustomerSwitchesToEnglishThenEnglishTextsAndTheRecordKeepsThem() throws Exception {
        TestTpp testTpp = TestTpp.register(platform, Set.of("accounts", "balances"));
        Tpp tpp = testTpp.registration();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = testTpp.authorizationRequest(new Scope("openid", "accounts", "balances"),
                verifier).build();

        page.navigate(testTpp.push(request).toString());
        CustomerScreens.signIn(page, "yamada", CustomerScreens.DEMO_PASSWORD);
        assertThat(page).hasURL(CustomerScreens.withQuery(platform.uri("/consent")));
        page.locator("nav.lang a[lang=en]").click();

        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("h1")).hasText("Confirm the connection");
        assertThat(page.locator("#tpp-service")).hasText(tpp.serviceNameEn());
        assertThat(page.locator("main > .lead")).containsText("is a service provided by " + tpp.legalNameEn() + ".");
        assertThat(page.locator("#rights li.right strong")).hasText(new String[] {"View account list", "View balances"});
        assertThat(page.locator("#not-bank")).containsText("its provider is not the bank's agent or contractor");
        assertThat(page.locator("#expiry")).containsText("(it cannot be extended beyond this)");
        assertThat(page.locator("#how-to-revoke")).containsText("You can end the connection at any time");
        assertThat(page.locator("#approve")).hasText("Agree and connect");
        assertThat(page.locator("main")).not().containsText("連携");
        chromium.screenshot(page, "08-consent-en");

        page.locator("#understood").check();
        page.locator("#approve").click();
        var success = AuthorizationResponse.parse(callback.awaitRedirect(page)).toSuccessResponse();
        Redeemed redeemed = Redeemed.redeem(platform, testTpp, success.getAuthorizationCode(), verifier);

        // D5: what is kept is what the customer read, in the language it was read in
        var record = platform.bean(Grants.class).consentRecordOf(redeemed.grantId()).orElseThrow();
        assertThat(record.language()).isEqualTo("en");
        @SuppressWarnings("unchecked")
        var rightsKept = (List<java.util.Map<String, Object>>) record.shown().get("rights");
        assertThat(rightsKept).extracting(r -> r.get("title")).containsExactly("View account list", "View balances");
    }

    @Test
    void consentScreenWhenCustomerDoesNotAgreeThenTppGetsAccessDeniedAndNoGrant() throws Exception {
        TestTpp testTpp = TestTpp.register(platform, Set.of("accounts", "balances"));
        AuthenticationRequest request = testTpp.authorizationRequest(new Scope("openid", "accounts", "balances"),
                new CodeVerifier()).build();

        page.navigate(testTpp.push(request).toString());
        CustomerScreens.signIn(page, "yamada", CustomerScreens.DEMO_PASSWORD);
        assertThat(page).hasURL(CustomerScreens.withQuery(platform.uri("/consent")));
        assertThat(page.locator("#deny")).hasText("同意しない（連携先に戻る）");
        chromium.screenshot(page, "07-consent-before-deny");

        page.locator("#deny").click();

        URI redirect = callback.awaitRedirect(page);
        AuthorizationResponse response = AuthorizationResponse.parse(redirect);
        assertThat(response.indicatesSuccess()).as("authorization response %s", redirect).isFalse();
        AuthorizationErrorResponse error = response.toErrorResponse();
        assertThat(error.getErrorObject().getCode()).isEqualTo(OAuth2Error.ACCESS_DENIED.getCode());
        assertThat(error.getState()).isEqualTo(request.getState());
        assertThat(error.getIssuer().getValue()).as("RFC 9207 iss").isEqualTo(platform.issuer().toString());
        assertThat(redirect.getQuery()).doesNotContain("code=");
        // the customer's own list of connections shows none with this TPP
        page.navigate(platform.uri("/connected-services").toString());
        assertThat(page.locator("h1")).hasText("連携中のサービス");
        assertThat(page.locator("article.service .company",
                new Page.LocatorOptions().setHasText(testTpp.registration().legalName()))).hasCount(0);
    }

    /** Each right, in plain Japanese, in a fixed order; none of them is a payment right. */
    private void assertShowsEachReadRightAndNoPaymentRight() {
        Locator rights = page.locator("#rights li.right");
        assertThat(rights).hasCount(3);
        assertThat(rights.nth(0)).hasAttribute("data-scope", "accounts");
        assertThat(rights.nth(0)).containsText("口座一覧の照会");
        assertThat(rights.nth(0)).containsText("選んだ口座の支店・種別・口座番号・名義を見ることができます。");
        assertThat(rights.nth(1)).hasAttribute("data-scope", "balances");
        assertThat(rights.nth(1)).containsText("残高の照会");
        assertThat(rights.nth(1)).containsText("選んだ口座の残高を見ることができます。");
        assertThat(rights.nth(2)).hasAttribute("data-scope", "transactions");
        assertThat(rights.nth(2)).containsText("入出金明細の照会");
        assertThat(rights.nth(2)).containsText("入出金の明細（日付・金額・摘要）を見ることができます。");
        assertThat(page.locator("#rights")).not().containsText("scope.");
        assertThat(page.locator(".payment-right")).hasCount(0);
        assertThat(page.locator(".payment-badge")).hasCount(0);
        assertThat(page.locator("body")).not().hasClass(Pattern.compile("\\bpayment\\b"));
    }

    /** D4: the contact points of both, the bank's a page that exists, in a tab of its own so the consent stays. */
    private void assertShowsBothContactPoints(Tpp tpp) {
        Locator tppContact = page.locator("#tpp-contact");
        assertThat(tppContact).containsText(tpp.legalName());
        assertThat(tppContact).containsText("代表者: " + tpp.representative());
        assertThat(tppContact).containsText(tpp.address());
        assertThat(tppContact).containsText(tpp.contactPhone());
        assertThat(tppContact).containsText(tpp.contactEmail());
        assertThat(tppContact).containsText("お問い合わせ・苦情窓口: " + tpp.inquiryUrl());
        assertThat(tppContact).containsText("電子決済等代行業者 登録番号: " + tpp.registrationNumber());
        assertThat(page.locator("#bank-contact")).containsText("架け橋銀行 0120-000-000");
        assertThat(page.locator("#bank-contact")).containsText("お問い合わせ・苦情窓口: https://");
        // the bank's contact point is a page that exists, in a tab of its own so the consent is not lost
        assertThat(page.locator("#bank-inquiry")).hasAttribute("target", "_blank");
        Page help = context.newPage();
        help.navigate(page.locator("#bank-inquiry").getAttribute("href"));
        assertThat(help.locator("h1")).hasText("お問い合わせ・苦情窓口");
        assertThat(help.locator("#help-phone")).hasText("0120-000-000");
        help.close();
    }

    /** B2: the bank's own sign-in, in Japanese, before anything is shown about the customer. */
    private void assertShowsTheBanksOwnSignIn() {
        assertThat(page.locator("html")).hasAttribute("lang", "ja");
        assertThat(page.locator("h1")).hasText("ログイン");
        assertThat(page.locator(".bank-official")).hasText("これは架け橋銀行の公式画面です。連携先（フィンテック事業者）の画面ではありません。");
        assertThat(page.locator("label[for=username]")).hasText("ログインID");
    }

    /** The expiry (also the longest any refresh extends it to), the token lifetime, how to revoke, and D3. */
    private void assertShowsTheTermsAndThatTheTppIsNotTheBank(Instant shownAfter) {
        // the expiry, which is also the longest any refresh can extend it to, and the access token lifetime
        assertThat(page.locator("#expiry")).hasText(Pattern.compile("^(" + JA_DATE.format(shownAfter.plus(Duration.ofDays(90)))
                + "|" + JA_DATE.format(Instant.now().plus(Duration.ofDays(90)))
                + ") \\d{2}:\\d{2} まで（これより長くは延長されません）$"));
        assertThat(page.locator("#token-lifetime")).containsText("有効期間は 10 分です。期限までは連携先が自動で更新できます。");
        // how to revoke
        assertThat(page.locator("#how-to-revoke")).containsText("連携はいつでも解除できます。");
        assertThat(page.locator("#how-to-revoke")).containsText("「連携中のサービス」画面から解除");
        // the TPP is not the bank nor its agent (D3)
        assertThat(page.locator("#not-bank")).containsText("連携先のサービスは架け橋銀行のサービスではありません。");
        assertThat(page.locator("#not-bank")).containsText("連携先は架け橋銀行の代理人・委託先でもありません。");
    }
}
