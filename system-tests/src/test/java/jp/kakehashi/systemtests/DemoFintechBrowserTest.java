package jp.kakehashi.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import jp.kakehashi.consent.AccountDirectory;
import jp.kakehashi.consent.AccountDirectory.ConsentableAccount;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.Balance;
import jp.kakehashi.corebanking.spi.CoreBanking;
import jp.kakehashi.corebanking.spi.Transaction;
import jp.kakehashi.corebanking.spi.TransactionQuery;
import jp.kakehashi.corebanking.spi.TransactionType;
import jp.kakehashi.systemtests.support.CustomerAgent;
import jp.kakehashi.systemtests.support.CustomerScreens;
import jp.kakehashi.systemtests.support.BrowserExtension;
import jp.kakehashi.systemtests.support.RunningDemoFintech;
import jp.kakehashi.systemtests.support.RunningPlatform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole read flow (B1, B2, D1: connect, consent at the bank, read) as a customer lives it, in a real browser: the
 * demo TPP's app かけいぼ Plus (a FAPI 2.0 client of its own, in demo-fintech) sends the customer to the bank, the customer
 * signs in and consents there, and the app shows what the bank's read API gives it for the chosen accounts; ending the
 * connection in the app ends the grant at the bank (B8).
 *
 * <p>The values on the app's screens are compared with the core banking system, so they prove the bank's API passed
 * the real ledger through, for the chosen accounts only (D1, B5).
 */
class DemoFintechBrowserTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String CUSTOMER = "C0001";

    @RegisterExtension
    static final BrowserExtension chromium = new BrowserExtension();

    private final RunningPlatform platform = RunningPlatform.get();
    private final RunningDemoFintech demo = RunningDemoFintech.get(platform);
    private final CoreBanking core = platform.bean(CoreBanking.class);
    private Page page;

    @BeforeEach
    void openBrowser(Page page) {
        this.page = page;
    }

    @Test
    void demoAppWhenCustomerConnectsThenShowsChosenAccountsWithCoreValuesAndDisconnectRevokesTheGrant() {
        List<ConsentableAccount> accounts = platform.bean(AccountDirectory.class).accountsOf(CUSTOMER);
        assertThat(accounts).as("yamada's accounts").isNotEmpty();
        // all but the last when there are several, so the app is seen to get the chosen accounts only
        List<ConsentableAccount> chosen = accounts.size() > 1 ? accounts.subList(0, accounts.size() - 1) : accounts;
        Set<String> grantsBefore = demoGrantIds();
        // the bank may require server-provided DPoP nonces of any client (RFC 9449 §8); the app must retry with one
        platform.bean(JdbcClient.class)
                .sql("update tpp_client set dpop_nonce_required = true where client_id = 'demo-kakeibo'").update();

        page.navigate(demo.uri("/").toString());
        assertThat(page.locator("html")).hasAttribute("lang", "ja");
        assertThat(page.locator(".brand")).containsText("かけいぼ");
        assertThat(page.locator("#not-the-bank")).containsText("このアプリは架け橋銀行のサービスではありません。");
        assertThat(page.locator("#connect")).hasText("銀行口座をつなぐ");
        chromium.screenshot(page, "01-demo-top");

        page.locator("#connect").click();
        // the bank's own screens, on the bank's origin
        assertThat(page).hasURL(platform.uri("/login").toString());
        CustomerScreens.signIn(page, "yamada", CustomerScreens.DEMO_PASSWORD);
        assertThat(page).hasURL(CustomerScreens.withQuery(platform.uri("/consent")));
        assertThat(page.locator("#tpp-service")).hasText("かけいぼ Plus");
        assertThat(page.locator("#rights li.right")).hasCount(3);
        for (ConsentableAccount account : accounts) {
            page.locator("#accounts input[name=account][value='" + account.accountId() + "']")
                    .setChecked(chosen.contains(account));
        }
        page.locator("#understood").check();
        chromium.screenshot(page, "02-bank-consent");
        page.locator("#approve").click();

        // back at the app, which redeemed the code and called the bank's read API
        assertThat(page).hasURL(demo.uri("/accounts").toString());
        assertThat(page.locator("#customer-name")).hasText("山田 太郎 さま");
        Locator cards = page.locator("li.account");
        assertThat(cards).hasCount(chosen.size());
        for (ConsentableAccount account : chosen) {
            Locator card = page.locator("li.account[data-account-id='" + account.accountId() + "']");
            Balance balance = core.balance(new AccountId(account.accountId())).orElseThrow();
            assertThat(card.locator(".balance")).hasText(yen(balance.balance()));
            assertThat(card.locator(".withdrawable")).hasText(yen(balance.withdrawableAmount()));
            assertThat(card.locator(".previous-day")).hasText(yen(balance.previousDayBalance()));
            assertThat(card.locator(".number")).hasText(core.account(new AccountId(account.accountId()))
                    .orElseThrow().accountNumber());
        }
        chromium.screenshot(page, "03-demo-accounts");

        String grant = newDemoGrant(grantsBefore);
        assertBankShowsConnection(grant, chosen);

        ConsentableAccount withHistory = chosen.stream().filter(a -> !historyOf(a.accountId()).isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("no chosen account has lines in the last 30 days"));
        page.locator("li.account[data-account-id='" + withHistory.accountId() + "'] a.history-link").click();
        assertThat(page).hasURL(demo.uri("/accounts/" + withHistory.accountId() + "/transactions").toString());
        assertHistoryShown(historyOf(withHistory.accountId()));
        chromium.screenshot(page, "04-demo-transactions");

        // an account of another customer is refused by the bank as unknown, and the app says so plainly
        String othersAccount = core.accountsOf(new jp.kakehashi.corebanking.spi.CustomerId("C0002")).getFirst()
                .accountId().value();
        page.navigate(demo.uri("/accounts/" + othersAccount + "/transactions").toString());
        assertThat(page.locator("h1")).hasText("銀行からエラーが返されました");
        assertThat(page.locator("#problem-status")).hasText("404");
        assertThat(page.locator("#problem-code")).hasText("ACCOUNT_NOT_FOUND");
        assertThat(page.locator("#problem-interaction-id")).hasText(Pattern.compile("^[0-9a-f-]{36}$"));
        chromium.screenshot(page, "05-demo-bank-error");

        page.navigate(demo.uri("/accounts").toString());
        page.locator("#disconnect").click();
        assertThat(page.locator("#disconnected")).containsText("銀行との連携を解除しました。");
        assertThat(page.locator("#connect")).isVisible();
        chromium.screenshot(page, "06-demo-disconnected");
        assertThat(demoGrantIds()).as("the grant at the bank, as the customer's page lists them")
                .doesNotContain(grant);
        // the app forgot the connection too
        page.navigate(demo.uri("/accounts").toString());
        assertThat(page).hasURL(demo.uri("/").toString());
    }

    /** The customer's own page at the bank, in the same browser: the connection with the chosen accounts only. */
    private void assertBankShowsConnection(String grant, List<ConsentableAccount> chosen) {
        Page bank = page.context().newPage();
        bank.navigate(platform.uri("/connected-services").toString());
        Locator service = bank.locator("article.service[data-grant='" + grant + "']");
        assertThat(service.locator("[data-testid=accounts] .account-label")).hasCount(chosen.size());
        assertThat(service.locator("[data-testid=accounts] .account-label").allInnerTexts())
                .as("the accounts the customer chose at the bank")
                .containsExactlyInAnyOrderElementsOf(chosen.stream().map(ConsentableAccount::label).toList());
        assertThat(service.locator("[data-testid=rights] .scope").allInnerTexts())
                .contains("口座一覧の照会", "残高の照会", "入出金明細の照会");
        bank.close();
    }

    @Test
    void demoAppWhenCustomerDeclinesAtTheBankThenSaysSoAndNothingIsConnected() {
        Set<String> grantsBefore = demoGrantIds();
        page.navigate(demo.uri("/").toString());
        page.locator("#connect").click();
        CustomerScreens.signIn(page, "yamada", CustomerScreens.DEMO_PASSWORD);
        assertThat(page).hasURL(CustomerScreens.withQuery(platform.uri("/consent")));

        page.locator("#deny").click();

        assertThat(page).hasURL(CustomerScreens.withQuery(demo.uri("/callback")));
        assertThat(page.locator("h1")).hasText("口座の連携は完了しませんでした");
        assertThat(page.locator(".detail")).hasText("銀行の画面で同意されなかったため、口座はつながっていません。");
        assertThat(page.locator("#problem-code")).hasText("access_denied");
        chromium.screenshot(page, "07-demo-declined");
        assertThat(demoGrantIds()).isEqualTo(grantsBefore);
        page.navigate(demo.uri("/accounts").toString());
        assertThat(page).hasURL(demo.uri("/").toString());
    }

    private void assertHistoryShown(List<Transaction> expected) {
        Locator rows = page.locator("#history tbody tr");
        int shown = Math.min(expected.size(), TransactionQuery.MAX_LIMIT);
        assertThat(rows).hasCount(shown);
        for (int i = 0; i < shown; i++) {
            Transaction line = expected.get(i);
            Locator row = rows.nth(i);
            boolean deposit = line.type() == TransactionType.DEPOSIT;
            assertThat(row).hasAttribute("data-item-key", line.itemKey());
            assertThat(row.locator(".date")).hasText(line.transactionDate().toString());
            assertThat(row.locator(".type")).hasText(deposit ? "入金" : "出金");
            assertThat(row.locator(".remarks")).hasText(line.remarks());
            assertThat(row.locator(".amount")).hasText((deposit ? "+" : "−") + yen(line.amount()));
            assertThat(row.locator(".balance")).hasText(yen(line.balanceAfter()));
        }
        assertThat(page.locator("#next-page")).hasCount(expected.size() > shown ? 1 : 0);
    }

    /** The core's history of the last 30 days, as the app asks for it (today and the 29 days before, Tokyo time). */
    private List<Transaction> historyOf(String accountId) {
        LocalDate today = LocalDate.now(TOKYO);
        return core.transactions(TransactionQuery.firstPage(new AccountId(accountId), today.minusDays(29), today,
                TransactionQuery.MAX_LIMIT)).orElseThrow().transactions();
    }

    /** The demo app's connections to yamada's accounts, as his connected-services page at the bank lists them. */
    private Set<String> demoGrantIds() {
        try {
            CustomerAgent yamada = new CustomerAgent(platform);
            yamada.signIn("yamada", CustomerScreens.DEMO_PASSWORD);
            return Set.copyOf(yamada.connectedGrants("株式会社デモフィンテック"));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String newDemoGrant(Set<String> before) {
        List<String> created = demoGrantIds().stream().filter(id -> !before.contains(id)).toList();
        assertThat(created).as("one new grant of the demo TPP").hasSize(1);
        return created.getFirst();
    }

    private static String yen(long amount) {
        return String.format(Locale.ROOT, "%,d円", amount);
    }
}
