package jp.kakehashi.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
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
import jp.kakehashi.systemtests.support.CustomerScreens;
import jp.kakehashi.systemtests.support.CustomerScreens.Redeemed;
import jp.kakehashi.systemtests.support.CustomerScreens.TppCallback;
import jp.kakehashi.systemtests.support.BrowserExtension;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import jp.kakehashi.tpp.Tpp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connected services page in a real browser (D1 "how to revoke", D2 warning step, B8): after a consent the
 * customer sees the grant with its rights, accounts, expiry and last use, ends it through one confirm step, and
 * the TPP's access token stops working at once.
 *
 * <p>Customer: kakehashi-shoji (C0003). Other tests' grants of this customer may be listed too; this test only
 * looks at the grant of its own TPP, found by its grant id.
 */
class ConnectedServicesBrowserTest {

    private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日")
            .withZone(ZoneId.of("Asia/Tokyo"));
    private static final Pattern JA_DATE_TIME = Pattern.compile("^\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}$");

    @RegisterExtension
    static final BrowserExtension chromium = new BrowserExtension();

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void connectedServicesWhenCustomerRevokesAfterWarningThenGrantIsGoneAndTokenIsDeadAtOnce() throws Exception {
        BrowserContext context = chromium.newContext();
        TppCallback callback = TppCallback.answerIn(context);
        Page page = context.newPage();
        TestTpp testTpp = TestTpp.register(platform, Set.of("accounts", "balances"));
        Tpp tpp = testTpp.registration();
        List<ConsentableAccount> accounts = platform.bean(AccountDirectory.class).accountsOf("C0003");
        CodeVerifier verifier = new CodeVerifier();
        var request = testTpp.authorizationRequest(new Scope("openid", "accounts", "balances"), verifier).build();

        var success = consentToTheFirstAccountOnly(page, callback, testTpp.push(request), accounts.size());
        Redeemed connection = Redeemed.redeem(platform, testTpp, success.getAuthorizationCode(), verifier);
        Instant connectedAt = Instant.now();

        page.navigate(platform.uri("/connected-services").toString());

        assertThat(page.locator("h1")).hasText("連携中のサービス");
        Locator service = page.locator("article.service[data-grant='" + connection.grantId() + "']");
        assertThat(service).hasCount(1);
        assertThat(service.locator("h2")).hasText(tpp.serviceName());
        assertThat(service.locator(".company")).hasText(tpp.legalName());
        assertThat(service.locator("[data-testid=rights] .scope")).hasText(new String[] {"口座一覧の照会", "残高の照会"});
        assertThat(service.locator("[data-testid=accounts] .account-label")).hasText(new String[] {accounts.getFirst().label()});
        assertThat(service.locator("[data-testid=since]")).hasText(JA_DATE_TIME);
        assertThat(service.locator("[data-testid=since]")).containsText(JA_DATE.format(connectedAt));
        assertThat(service.locator("[data-testid=expires]")).hasText(JA_DATE_TIME);
        assertThat(service.locator("[data-testid=expires]")).containsText(JA_DATE.format(connectedAt.plus(Duration.ofDays(90))));
        assertThat(service.locator("[data-testid=last-used]")).hasText("まだ利用されていません");
        assertThat(service.locator("[data-testid=revoke]")).hasText("連携を解除する");
        chromium.screenshot(page, "01-connected-services");

        // the TPP uses its token: the page shows when
        assertThat(connection.userInfoStatus()).isEqualTo(200);
        page.reload();
        assertThat(service.locator("[data-testid=last-used]")).hasText(JA_DATE_TIME);
        assertThat(service.locator("[data-testid=last-used]")).containsText(JA_DATE.format(Instant.now()));

        // D2: the first click only warns; going back keeps the connection
        service.locator("[data-testid=revoke]").click();
        assertThat(page).hasURL(platform.uri("/connected-services/" + connection.grantId() + "/revoke").toString());
        assertThat(page.locator("h1")).hasText("連携の解除");
        assertThat(page.locator("main .alert.warning")).hasText("「" + tpp.serviceName()
                + "」との連携を解除します。解除すると、このサービスは口座の情報を見ることや振込をすることができなくなります。"
                + "元に戻すには、サービスから改めて連携を申し込む必要があります。");
        assertThat(page.locator("#confirm-revoke")).hasText("解除する");
        chromium.screenshot(page, "02-revoke-confirm");
        assertThat(connection.userInfoStatus()).as("the warning alone revokes nothing").isEqualTo(200);
        page.locator("main a", new Page.LocatorOptions().setHasText("解除せずに戻る")).click();
        assertThat(page).hasURL(platform.uri("/connected-services").toString());
        assertThat(service).hasCount(1);
        assertThat(connection.userInfoStatus()).isEqualTo(200);

        // one action after the warning ends it
        service.locator("[data-testid=revoke]").click();
        page.locator("#confirm-revoke").click();

        assertThat(page).hasURL(platform.uri("/connected-services").toString());
        assertThat(page.locator("#revoked")).hasText("連携を解除しました。連携先はもうアクセスできません。");
        assertThat(service).hasCount(0);
        chromium.screenshot(page, "03-revoked");
        assertThat(connection.userInfoStatus()).as("the access token right after revocation").isEqualTo(401);
        var refresh = OIDCTokenResponseParser.parse(testTpp.sendWithDpop(new TokenRequest(
                testTpp.metadata().getTokenEndpointURI(), testTpp.clientAuthentication(),
                new RefreshTokenGrant(connection.tokens().getRefreshToken())).toHTTPRequest(), null));
        assertThat(refresh.indicatesSuccess()).as("refresh after revocation").isFalse();
        assertThat(refresh.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");

        // the revoked grant cannot be revoked again, nor its confirm page shown
        page.navigate(platform.uri("/connected-services/" + connection.grantId() + "/revoke").toString());
        assertThat(page.locator("h1")).hasText("エラー");
    }

    /** The consent, through the screens, choosing only the first of the customer's accounts. */
    private AuthorizationSuccessResponse consentToTheFirstAccountOnly(Page page, TppCallback callback, URI pushed,
            int accountCount) throws Exception {
        page.navigate(pushed.toString());
        CustomerScreens.signIn(page, "kakehashi-shoji", CustomerScreens.DEMO_PASSWORD);
        assertThat(page).hasURL(CustomerScreens.withQuery(platform.uri("/consent")));
        Locator choices = page.locator("#accounts input[name=account]");
        assertThat(choices).hasCount(accountCount);
        for (int i = 0; i < accountCount; i++) {
            choices.nth(i).setChecked(i == 0);
        }
        page.locator("#understood").check();
        page.locator("#approve").click();
        return AuthorizationResponse.parse(callback.awaitRedirect(page)).toSuccessResponse();
    }
}
