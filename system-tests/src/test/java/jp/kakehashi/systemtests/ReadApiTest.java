package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.corebanking.simulator.SimulatedCoreBanking;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.Balance;
import jp.kakehashi.corebanking.spi.CoreBanking;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.ApiClient.Response;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * B2, D1, B10 through a real FAPI 2.0 client (Nimbus, DPoP): the read API serves exactly the accounts the customer
 * chose at consent, in the GMO-style shape, and refuses what is outside the consent — another account of the same
 * customer, another customer's account (indistinguishable from a missing one), a period beyond the bank's limits — and
 * malformed input with a 400, never a 500. {@link ReadApiTokenTest} covers the tokens themselves.
 */
class ReadApiTest {

    private static final String YAMADA_MAIN = "001011234567";
    private static final String YAMADA_SHIBUYA = "101017654321";
    private static final String YAMADA_SAVINGS = "001042345678";
    private static final String SATO = "102013456789";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Set<String> READ_SCOPES = Set.of("accounts", "balances", "transactions");

    private static Connection yamadaMainOnly;
    private static Connection yamadaTwoAccounts;

    private final RunningPlatform platform = RunningPlatform.get();

    /** Yamada consented to his first account only (the consent screen's default). */
    private synchronized ApiClient mainOnly() throws Exception {
        if (yamadaMainOnly == null) {
            yamadaMainOnly = Connection.establish(platform, TestTpp.register(platform, READ_SCOPES), "yamada",
                    "openid", "accounts", "balances", "transactions");
        }
        return new ApiClient(platform, yamadaMainOnly);
    }

    /** Yamada consented to his Shibuya account and his savings account, not to his main one. */
    private synchronized ApiClient twoAccounts() throws Exception {
        if (yamadaTwoAccounts == null) {
            yamadaTwoAccounts = ApiClient.connect(platform, TestTpp.register(platform, READ_SCOPES), "yamada",
                    List.of(YAMADA_SHIBUYA, YAMADA_SAVINGS), "openid", "accounts", "balances", "transactions");
        }
        return new ApiClient(platform, yamadaTwoAccounts);
    }

    @Test
    void accountsWhenOneAccountConsentedThenOnlyItIsListedWithGmoFields() throws Exception {
        Response response = mainOnly().get("/v1/accounts");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        Map<String, Object> body = response.json();
        assertThat(body.get("baseDate")).isEqualTo(LocalDate.now(TOKYO).toString());
        assertThat((String) body.get("baseTime")).matches("\\d{2}:\\d{2}:\\d{2}\\+09:00");
        assertThat(list(body, "accounts")).containsExactly(Map.ofEntries(
                Map.entry("accountId", YAMADA_MAIN), Map.entry("branchCode", "001"),
                Map.entry("branchName", "本店営業部"), Map.entry("accountTypeCode", "01"),
                Map.entry("accountTypeName", "普通預金"), Map.entry("accountNumber", "1234567"),
                Map.entry("accountName", "山田 太郎"), Map.entry("accountNameKana", "ﾔﾏﾀﾞ ﾀﾛｳ"),
                Map.entry("currencyCode", "JPY"), Map.entry("currencyName", "日本円"),
                Map.entry("primaryAccountCode", "1")));
    }

    @Test
    void accountsWhenTwoAccountsConsentedThenBothInCoreOrderAsAdditionalAccounts() throws Exception {
        Map<String, Object> body = twoAccounts().get("/v1/accounts").json();

        List<Map<String, Object>> accounts = list(body, "accounts");
        assertThat(accounts).extracting(a -> a.get("accountId")).containsExactly(YAMADA_SHIBUYA, YAMADA_SAVINGS);
        assertThat(accounts).extracting(a -> a.get("accountTypeCode")).containsExactly("01", "04");
        assertThat(accounts).extracting(a -> a.get("accountTypeName")).containsExactly("普通預金", "貯蓄預金");
        assertThat(accounts).extracting(a -> a.get("primaryAccountCode")).containsExactly("2", "2");
    }

    @Test
    void balancesWhenAccountConsentedThenCoreFiguresAsDigitStrings() throws Exception {
        Response response = mainOnly().get("/v1/accounts/" + YAMADA_MAIN + "/balances");

        Balance core = platform.bean(CoreBanking.class).balance(new AccountId(YAMADA_MAIN)).orElseThrow();
        assertThat(response.status()).isEqualTo(200);
        Map<String, Object> body = response.json();
        assertThat(body).containsEntry("accountId", YAMADA_MAIN)
                .containsEntry("balance", Long.toString(core.balance()))
                .containsEntry("withdrawableAmount", Long.toString(core.withdrawableAmount()))
                .containsEntry("previousDayBalance", Long.toString(core.previousDayBalance()))
                .containsEntry("previousMonthBalance", Long.toString(core.previousMonthBalance()))
                .containsEntry("currencyCode", "JPY").containsEntry("currencyName", "日本円")
                .containsEntry("baseDate", LocalDate.now(TOKYO).toString());
        assertThat((String) body.get("balance")).matches("-?\\d+");
        assertThat((String) body.get("baseTime")).matches("\\d{2}:\\d{2}:\\d{2}\\+09:00");
    }

    @Test
    void balancesWhenAnotherAccountOfTheSameCustomerWasNotChosenThenAccountNotFound() throws Exception {
        Response response = mainOnly().get("/v1/accounts/" + YAMADA_SHIBUYA + "/balances");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json()).containsEntry("errorCode", "ACCOUNT_NOT_FOUND");
    }

    @Test
    void readsWhenAnotherCustomersAccountThenTheSameAnswerAsForAMissingAccount() throws Exception {
        ApiClient yamada = mainOnly();
        for (String resource : List.of("balances", "transactions")) {
            Response others = yamada.get("/v1/accounts/" + SATO + "/" + resource);
            Response missing = yamada.get("/v1/accounts/999019999999/" + resource);

            assertThat(others.status()).isEqualTo(404);
            assertThat(others.json()).containsEntry("errorCode", "ACCOUNT_NOT_FOUND");
            assertThat(others.body()).isEqualTo(missing.body());
            assertThat(others.header("Content-Length")).isEqualTo(missing.header("Content-Length"));
        }
    }

    @Test
    void transactionsWhenOnlyDateFromThenUntilTodayAscendingWithRunningBalance() throws Exception {
        LocalDate today = LocalDate.now(TOKYO);
        String from = today.minusMonths(3).toString();

        Response response = mainOnly().get("/v1/accounts/" + YAMADA_MAIN + "/transactions?dateFrom=" + from);

        assertThat(response.status()).isEqualTo(200);
        Map<String, Object> body = response.json();
        assertThat(body).containsEntry("accountId", YAMADA_MAIN).containsEntry("currencyCode", "JPY")
                .containsEntry("dateFrom", from).containsEntry("dateTo", today.toString())
                .containsEntry("hasNext", false).containsEntry("nextItemKey", null);
        List<Map<String, Object>> lines = list(body, "transactions");
        assertThat(lines).isNotEmpty();
        assertThat(body.get("count")).isEqualTo(Integer.toString(lines.size()));
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> line = lines.get(i);
            assertThat((String) line.get("transactionDate")).isBetween(from, today.toString());
            assertThat(line.get("transactionType")).isIn("1", "2");
            assertThat((String) line.get("amount")).matches("[1-9]\\d*");
            assertThat((String) line.get("itemKey")).matches("\\d{1,24}");
            if (i > 0) {
                Map<String, Object> previous = lines.get(i - 1);
                assertThat((String) line.get("transactionDate"))
                        .isGreaterThanOrEqualTo((String) previous.get("transactionDate"));
                assertThat(new java.math.BigInteger((String) line.get("itemKey")))
                        .isGreaterThan(new java.math.BigInteger((String) previous.get("itemKey")));
                long signed = Long.parseLong((String) line.get("amount")) * ("1".equals(line.get("transactionType"))
                        ? 1 : -1);
                assertThat(Long.parseLong((String) line.get("balance")))
                        .isEqualTo(Long.parseLong((String) previous.get("balance")) + signed);
            }
        }
    }

    @Test
    void transactionsWhenNoDatesThenTodayOnly() throws Exception {
        String today = LocalDate.now(TOKYO).toString();

        Map<String, Object> body = mainOnly().get("/v1/accounts/" + YAMADA_MAIN + "/transactions").json();

        assertThat(body).containsEntry("dateFrom", today).containsEntry("dateTo", today);
        assertThat(list(body, "transactions")).allSatisfy(line -> assertThat(line.get("transactionDate"))
                .isEqualTo(today));
    }

    @Test
    void transactionsWhenOnlyDateToThenFromTheFirstDayThePolicyAllows() throws Exception {
        LocalDate to = LocalDate.now(TOKYO).minusDays(10);

        Map<String, Object> body = mainOnly().get("/v1/accounts/" + YAMADA_MAIN + "/transactions?dateTo=" + to)
                .json();

        // kakehashi.banking.transactions: max-history P2Y, max-range P1Y
        assertThat(body).containsEntry("dateFrom", to.minusYears(1).toString()).containsEntry("dateTo", to.toString());
    }

    @Test
    void transactionsWhenMoreThanAPageThenEveryLineOnceInOrderAcrossPages() throws Exception {
        ApiClient client = twoAccounts();
        var core = (SimulatedCoreBanking) platform.bean(CoreBanking.class);
        String marker = "ﾃｽﾄ " + java.util.UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 501; i++) {
            core.deposit(new AccountId(YAMADA_SAVINGS), 1, marker);
        }
        String today = LocalDate.now(TOKYO).toString();
        String path = "/v1/accounts/" + YAMADA_SAVINGS + "/transactions?dateFrom=" + today + "&dateTo=" + today;

        Map<String, Object> first = client.get(path).json();
        List<Map<String, Object>> lines = new ArrayList<>(list(first, "transactions"));
        Map<String, Object> page = first;
        while (Boolean.TRUE.equals(page.get("hasNext"))) {
            page = client.get(path + "&nextItemKey=" + page.get("nextItemKey")).json();
            lines.addAll(list(page, "transactions"));
        }

        assertThat(first).containsEntry("count", "500").containsEntry("hasNext", true);
        assertThat((String) first.get("nextItemKey")).matches("\\d{1,24}");
        assertThat(page).containsEntry("hasNext", false).containsEntry("nextItemKey", null);
        assertThat(lines.stream().filter(l -> marker.equals(l.get("remarks")))).hasSize(501);
        List<java.math.BigInteger> keys = lines.stream().map(l -> new java.math.BigInteger((String) l.get("itemKey")))
                .toList();
        assertThat(keys).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void transactionsWhenPeriodExceedsThePolicyThenDateRangeNotAllowed() throws Exception {
        LocalDate today = LocalDate.now(TOKYO);
        ApiClient client = mainOnly();

        Response tooOld = client.get("/v1/accounts/" + YAMADA_MAIN + "/transactions?dateFrom="
                + today.minusYears(2).minusDays(1) + "&dateTo=" + today.minusYears(2).plusDays(10));
        Response tooLong = client.get("/v1/accounts/" + YAMADA_MAIN + "/transactions?dateFrom="
                + today.minusMonths(18));

        assertThat(tooOld.status()).isEqualTo(400);
        assertThat(tooOld.json()).containsEntry("errorCode", "DATE_RANGE_NOT_ALLOWED");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json()).containsEntry("errorCode", "DATE_RANGE_NOT_ALLOWED");
        assertThat(list(tooLong.json(), "errorDetails")).extracting(d -> d.get("itemId")).containsExactly("dateTo");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            dateFrom=2026-13-01                   | dateFrom
            dateFrom=20260101                     | dateFrom
            dateFrom=2025-02-29                   | dateFrom
            dateFrom=+2025-01-01                  | dateFrom
            dateTo=2999-01-01                     | dateTo
            dateFrom=TODAY&dateTo=YESTERDAY       | dateFrom
            nextItemKey=abc                       | nextItemKey
            nextItemKey=1234567890123456789012345 | nextItemKey
            nextItemKey=999999999999999999999999  | nextItemKey
            nextItemKey=1                         | nextItemKey
            nextItemKey=-1                        | nextItemKey
            """)
    void transactionsWhenParameterIsMalformedThenInvalidParameterNever500(String query, String itemId)
            throws Exception {
        LocalDate today = LocalDate.now(TOKYO);
        String resolved = query.replace("TODAY", today.toString()).replace("YESTERDAY", today.minusDays(1).toString());

        Response response = mainOnly().get("/v1/accounts/" + YAMADA_MAIN + "/transactions?" + resolved);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()).containsEntry("errorCode", "INVALID_PARAMETER");
        assertThat(list(response.json(), "errorDetails")).extracting(d -> d.get("itemId")).containsExactly(itemId);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "abc", "00101123456", "0010112345678", "001011234567x", "%E5%8F%A3%E5%BA%A7" })
    void readsWhenAccountIdIsMalformedThenInvalidParameter(String accountId) throws Exception {
        for (String resource : List.of("balances", "transactions")) {
            Response response = mainOnly().get("/v1/accounts/" + accountId + "/" + resource);

            assertThat(response.status()).as(resource + " " + response.header("WWW-Authenticate")).isEqualTo(400);
            assertThat(response.json()).containsEntry("errorCode", "INVALID_PARAMETER");
        }
    }

    @Test
    void readsWhenPathIsUnknownThenNotFoundInTheApiShape() throws Exception {
        Response response = mainOnly().get("/v1/accounts/" + YAMADA_MAIN + "/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json()).containsEntry("errorCode", "NOT_FOUND");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String name) {
        return (List<Map<String, Object>>) body.get(name);
    }
}
