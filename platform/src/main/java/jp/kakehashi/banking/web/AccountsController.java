package jp.kakehashi.banking.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import jp.kakehashi.banking.BankingProperties;
import jp.kakehashi.corebanking.spi.Account;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.Balance;
import jp.kakehashi.corebanking.spi.CoreBanking;
import jp.kakehashi.corebanking.spi.CustomerId;
import jp.kakehashi.shared.ApiCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * 口座一覧照会 and 残高照会 (B2, D1): only the accounts the customer chose at consent. The scopes ({@code accounts},
 * {@code balances}) are checked by the resource server's chain before this runs. No platform transaction is open
 * here: the core system is called as the remote system it is in production.
 */
@RestController
class AccountsController {

    private static final Map<String, String> CURRENCY_NAMES = Map.of("JPY", "日本円", "USD", "米ドル", "EUR", "ユーロ");

    private final CoreBanking coreBanking;
    private final ConsentedAccounts consents;
    private final BankingProperties properties;
    private final Clock clock;

    AccountsController(CoreBanking coreBanking, ConsentedAccounts consents, BankingProperties properties,
            Clock clock) {
        this.coreBanking = coreBanking;
        this.consents = consents;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/v1/accounts")
    AccountList accounts(ApiCaller caller) {
        CallerConsent consent = consents.of(caller);
        List<Account> all = coreBanking.accountsOf(new CustomerId(consent.customerId()));
        // the core lists the customer's representative account (代表口座) first
        String primary = all.isEmpty() ? null : all.getFirst().accountId().value();
        List<AccountView> chosen = all.stream().filter(a -> consent.accountIds().contains(a.accountId().value()))
                .map(a -> AccountView.of(a, a.accountId().value().equals(primary))).toList();
        BaseTimestamp base = BaseTimestamp.of(clock.instant());
        return new AccountList(base.baseDate(), base.baseTime(), chosen);
    }

    @GetMapping("/v1/accounts/{accountId}/balances")
    BalanceView balance(ApiCaller caller, @PathVariable String accountId) {
        String id = consents.of(caller).consentedAccount(accountId, properties.accountIdPattern());
        Balance balance = coreBanking.balance(new AccountId(id)).orElseThrow(ApiException::accountNotFound);
        return BalanceView.of(balance);
    }

    static String currencyName(String currency) {
        return CURRENCY_NAMES.getOrDefault(currency, currency);
    }

    /** The own-account subject code has two digits; a core that gives the one Zengin digit gets a leading zero. */
    static String accountTypeCode(String code) {
        return code.length() == 1 ? "0" + code : code;
    }

    record AccountList(String baseDate, String baseTime, List<AccountView> accounts) {
    }

    /** @param primaryAccountCode 1 代表口座, 2 追加口座 (GMO) */
    record AccountView(String accountId, String branchCode, String branchName, String accountTypeCode,
            String accountTypeName, String accountNumber, String accountName, String accountNameKana,
            String currencyCode, String currencyName, String primaryAccountCode) {

        static AccountView of(Account a, boolean primary) {
            return new AccountView(a.accountId().value(), a.branchCode(), a.branchName(),
                    AccountsController.accountTypeCode(a.accountTypeCode()), a.accountTypeName(), a.accountNumber(),
                    a.accountName(), a.accountNameKana(), a.currency(), AccountsController.currencyName(a.currency()),
                    primary ? "1" : "2");
        }
    }

    /** Amounts are digit strings of whole yen, possibly negative, as GMO writes them. */
    record BalanceView(String accountId, String balance, String withdrawableAmount, String previousDayBalance,
            String previousMonthBalance, String currencyCode, String currencyName, String baseDate,
            String baseTime) {

        static BalanceView of(Balance b) {
            BaseTimestamp base = BaseTimestamp.of(b.asOf());
            return new BalanceView(b.accountId().value(), Long.toString(b.balance()),
                    Long.toString(b.withdrawableAmount()), Long.toString(b.previousDayBalance()),
                    Long.toString(b.previousMonthBalance()), b.currency(), AccountsController.currencyName(b.currency()),
                    base.baseDate(), base.baseTime());
        }
    }
}
