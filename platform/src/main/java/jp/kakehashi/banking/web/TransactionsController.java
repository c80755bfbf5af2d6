package jp.kakehashi.banking.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kakehashi.banking.BankingProperties;
import jp.kakehashi.corebanking.spi.Account;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.CoreBanking;
import jp.kakehashi.corebanking.spi.Transaction;
import jp.kakehashi.corebanking.spi.TransactionPage;
import jp.kakehashi.corebanking.spi.TransactionQuery;
import jp.kakehashi.shared.ApiCaller;
import jp.kakehashi.shared.BusinessClock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 入出金明細照会 (B2, B10): a consented account's history, ascending, at most 500 lines a page, continued with
 * {@code nextItemKey}. Every parameter is checked before the core system is called, because the core refuses
 * malformed input with exceptions that must never surface as a 500.
 */
@RestController
class TransactionsController {

    private final CoreBanking coreBanking;
    private final ConsentedAccounts consents;
    private final BankingProperties properties;
    private final Clock clock;

    TransactionsController(CoreBanking coreBanking, ConsentedAccounts consents, BankingProperties properties,
            Clock clock) {
        this.coreBanking = coreBanking;
        this.consents = consents;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/v1/accounts/{accountId}/transactions")
    TransactionList transactions(ApiCaller caller, @PathVariable String accountId,
            @RequestParam(required = false) String dateFrom, @RequestParam(required = false) String dateTo,
            @RequestParam(required = false) String nextItemKey) {
        CallerConsent consent = consents.of(caller);
        String id = consent.consentedAccount(accountId, properties.accountIdPattern());
        if (nextItemKey != null && !TransactionQuery.ITEM_KEY_FORMAT.matcher(nextItemKey).matches()) {
            throw ApiException.invalidParameter("nextItemKey", "nextItemKey must be 1 to 24 digits");
        }
        var policy = properties.transactions();
        LocalDate today = LocalDate.now(clock.withZone(BusinessClock.TOKYO));
        TransactionPeriod period = TransactionPeriod.resolve(blankAsAbsent(dateFrom), blankAsAbsent(dateTo), today,
                policy.maxHistory(), policy.maxRange());
        // the consent screen offered only the customer's accounts; the core confirms it is still theirs
        Account account = coreBanking.account(new AccountId(id))
                .filter(a -> a.customerId().value().equals(consent.customerId()))
                .orElseThrow(ApiException::accountNotFound);
        var query = new TransactionQuery(account.accountId(), period.from(), period.to(), nextItemKey,
                Math.min(policy.pageSize(), TransactionQuery.MAX_LIMIT));
        TransactionPage page = page(query).orElseThrow(ApiException::accountNotFound);
        BaseTimestamp base = BaseTimestamp.of(clock.instant());
        return new TransactionList(id, account.currency(), AccountsController.currencyName(account.currency()),
                period.from().toString(), period.to().toString(), base.baseDate(), base.baseTime(), page.hasNext(),
                page.nextItemKey(), Integer.toString(page.transactions().size()),
                page.transactions().stream().map(TransactionView::of).toList());
    }

    /** A well-formed key the core did not issue (or issued for another period) is the client's mistake. */
    private Optional<TransactionPage> page(TransactionQuery query) {
        try {
            return coreBanking.transactions(query);
        }
        catch (IllegalArgumentException e) {
            if (query.afterItemKey() == null) {
                throw e;
            }
            throw ApiException.invalidParameter("nextItemKey", "nextItemKey is not one this API issued");
        }
    }

    /** An empty parameter ({@code ?dateFrom=}) is treated as an absent one, as clients building URLs send it. */
    private static String blankAsAbsent(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    record TransactionList(String accountId, String currencyCode, String currencyName, String dateFrom, String dateTo,
            String baseDate, String baseTime, boolean hasNext, String nextItemKey, String count,
            List<TransactionView> transactions) {
    }

    /** @param transactionType 1 入金, 2 出金; {@code balance} is the balance after the line (取引後残高) */
    record TransactionView(String transactionDate, String valueDate, String transactionType, String amount,
            String remarks, String balance, String itemKey) {

        static TransactionView of(Transaction t) {
            return new TransactionView(t.transactionDate().toString(), t.valueDate().toString(), t.type().code(),
                    Long.toString(t.amount()), t.remarks(), Long.toString(t.balanceAfter()), t.itemKey());
        }
    }
}
