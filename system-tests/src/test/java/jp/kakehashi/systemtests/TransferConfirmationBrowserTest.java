package jp.kakehashi.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.kakehashi.systemtests.support.AccountBalances;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.ApiClient.Response;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.CustomerScreens;
import jp.kakehashi.systemtests.support.BrowserExtension;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestMailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Out-of-band confirmation by the bank (帯域外認証, B10) in a real browser: a TPP's transfer above the
 * policy's amount waits; the customer is told by mail (without a link), opens the bank's site, signs in with password
 * and a second factor, sees who asked for how much to whom, and confirms (the money moves) or declines (nothing
 * moves). Screenshots in target/screenshots.
 *
 * <p>Customer: sato (C0002), whose notices go to sato.hanako@example.jp.
 */
class TransferConfirmationBrowserTest {

    private static final String SATO = "102013456789";
    private static final String SATO_MAIL = "sato.hanako@example.jp";

    @RegisterExtension
    static final BrowserExtension chromium = new BrowserExtension();
    private static Connection sato;

    private final RunningPlatform platform = RunningPlatform.get();

    private synchronized ApiClient tpp() throws Exception {
        if (sato == null) {
            sato = TransferApiTest.withFreshCode(() -> Connection.establish(platform,
                    TransferApiTest.sandboxTpp(platform, "sandbox-confirm-tpp"), "sato", "openid", "accounts",
                    "transfers"));
        }
        return new ApiClient(platform, sato);
    }

    /** 20,000 yen from Sato to Yamada at another branch of this bank (本支店宛, fee 110 yen). */
    private Response requestTransfer(String amount) throws Exception {
        return tpp().post("/v1/transfers", "{\"accountId\":\"" + SATO + "\",\"totalCount\":\"1\",\"totalAmount\":\""
                + amount + "\",\"transfers\":[{\"itemId\":\"1\",\"transferAmount\":\"" + amount
                + "\",\"beneficiaryBankCode\":\"0999\",\"beneficiaryBranchCode\":\"001\",\"accountTypeCode\":\"1\","
                + "\"accountNumber\":\"1234567\",\"beneficiaryName\":\"ﾔﾏﾀﾞ ﾀﾛｳ\"}]}",
                "Idempotency-Key", "oob-" + UUID.randomUUID());
    }

    private long balance() {
        return AccountBalances.of(platform, "sato", SATO);
    }

    /** Signs in at the bank with password and second factor, arriving at the transfers waiting for confirmation. */
    private Page signedInAtTheConfirmations() {
        BrowserContext context = chromium.newContext();
        Page page = context.newPage();
        page.navigate(platform.uri("/transfer-confirmations").toString());
        CustomerScreens.signIn(page, "sato", CustomerScreens.DEMO_PASSWORD);
        // the password alone does not reach the page: a stolen password must not confirm a transfer
        CustomerScreens.passSecondFactor(page, CustomerScreens.DEMO_TOTP_SECRET);
        assertThat(page).hasURL(Pattern.compile(".*/transfer-confirmations(\\?continue)?$"));
        return page;
    }

    @Test
    void confirmationWhenTheCustomerConfirmsAtTheBankThenTheTransferRunsWithAmountFeeAndPayeeAsShown()
            throws Exception {
        long before = balance();
        Response requested = requestTransfer("20000");
        String applyNo = (String) requested.json().get("applyNo");
        assertThat(requested.json()).containsEntry("transferStatus", "AWAITING_CONFIRMATION");
        var notice = TestMailbox.get().await(SATO_MAIL, mail -> mail.text().contains(applyNo));
        assertThat(notice.subject()).contains("振込のご確認をお願いします", "サンドボックス");
        assertThat(balance()).isEqualTo(before);

        Page page = signedInAtTheConfirmations();
        Locator waiting = page.locator("article[data-apply-no='" + applyNo + "']");
        assertThat(waiting.locator("h2")).hasText("「サンドボックス」からの振込依頼");
        assertThat(waiting.locator("[data-testid=amount]")).hasText("20,000円");
        assertThat(waiting.locator("[data-testid=payee]")).hasText("ﾔﾏﾀﾞ ﾀﾛｳ");
        chromium.screenshot(page, "01-transfers-to-confirm");
        waiting.locator("[data-testid=open]").click();

        assertThat(page.locator("h1")).hasText("振込のご確認");
        assertThat(page.locator("[data-testid=service]")).hasText("サンドボックス");
        assertThat(page.locator("[data-testid=debit]")).hasText("****6789");
        assertThat(page.locator("[data-testid=payee]")).containsText("金融機関コード 0999 / 支店コード 001");
        assertThat(page.locator("[data-testid=payee]")).containsText("口座番号 1234567");
        assertThat(page.locator("[data-testid=amount]")).hasText("20,000円");
        assertThat(page.locator("[data-testid=fee]")).hasText("110円");
        assertThat(page.locator("[data-testid=total]")).hasText("20,110円");
        assertThat(page.locator("[data-testid=status]")).hasText("ご確認待ち");
        chromium.screenshot(page, "02-confirm-transfer");
        page.locator("#confirm-transfer").click();

        assertThat(page.locator("#outcome")).hasText("ご確認ありがとうございました。振込の状態は下のとおりです。");
        assertThat(page.locator("[data-testid=status]")).hasText("振込完了");
        assertThat(page.locator("#confirm-transfer")).hasCount(0);
        chromium.screenshot(page, "03-confirmed");
        Map<String, Object> stored = tpp().get("/v1/transfers/" + applyNo).json();
        assertThat(stored).containsEntry("transferStatus", "COMPLETED");
        assertThat(balance()).isEqualTo(before - Long.parseLong((String) stored.get("totalDebitAmount")));
        assertThat(TestMailbox.get().await(SATO_MAIL, mail -> mail.text().contains(applyNo)
                && mail.subject().contains("完了")).text()).contains("20,000円");
    }

    @Test
    void confirmationWhenTheCustomerDeclinesThenNothingMovesAndTheTppSeesItCancelled() throws Exception {
        long before = balance();
        String applyNo = (String) requestTransfer("15000").json().get("applyNo");

        Page page = signedInAtTheConfirmations();
        page.locator("article[data-apply-no='" + applyNo + "'] [data-testid=open]").click();
        page.locator("#decline-transfer").click();

        assertThat(page.locator("#outcome")).hasText("この振込は実行しません。お金は動いていません。");
        assertThat(page.locator("[data-testid=status]")).hasText("取り消し済み");
        chromium.screenshot(page, "04-declined");
        assertThat(tpp().get("/v1/transfers/" + applyNo).json()).containsEntry("transferStatus", "CANCELLED")
                .containsEntry("cancelReason", "DECLINED_BY_CUSTOMER");
        assertThat(balance()).isEqualTo(before);
        page.navigate(platform.uri("/transfer-confirmations").toString());
        assertThat(page.locator("article[data-apply-no='" + applyNo + "']")).hasCount(0);
    }

    @Test
    void confirmationWhenAnotherCustomersTransferThenNotFound() throws Exception {
        String applyNo = (String) requestTransfer("12000").json().get("applyNo");
        BrowserContext context = chromium.newContext();
        Page page = context.newPage();
        page.navigate(platform.uri("/transfer-confirmations/" + applyNo).toString());
        CustomerScreens.signIn(page, "kakehashi-shoji", CustomerScreens.DEMO_PASSWORD);
        CustomerScreens.passSecondFactor(page, CustomerScreens.DEMO_TOTP_SECRET);

        assertThat(page.locator("body")).not().containsText("20,000");
        var response = page.navigate(platform.uri("/transfer-confirmations/" + applyNo).toString());
        assertThat(response.status()).isEqualTo(404);
        page.navigate(platform.uri("/connected-services").toString());
        String csrf = page.locator("input[name=_csrf]").first().inputValue();
        var confirm = page.request().post(platform.uri("/transfer-confirmations/" + applyNo + "/confirm").toString(),
                RequestOptions.create().setForm(FormData.create().set("_csrf", csrf)).setMaxRedirects(0));
        var withoutCsrf = page.request().post(platform.uri("/transfer-confirmations/" + applyNo + "/confirm")
                .toString(), RequestOptions.create().setMaxRedirects(0));
        assertThat(confirm.status()).isEqualTo(404);
        assertThat(withoutCsrf.status()).isEqualTo(403);
        assertThat(tpp().get("/v1/transfers/" + applyNo).json()).containsEntry("transferStatus",
                "AWAITING_CONFIRMATION");
    }
}
