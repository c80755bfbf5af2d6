package jp.demofintech.kakeibo.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import jp.demofintech.kakeibo.bank.AccountBalance;
import jp.demofintech.kakeibo.bank.AccountList;
import jp.demofintech.kakeibo.bank.BankApi;
import jp.demofintech.kakeibo.bank.BankConnection;
import jp.demofintech.kakeibo.bank.BankProblem;
import jp.demofintech.kakeibo.bank.TransactionHistory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The connected accounts with their balances, and an account's transaction history (the last 30 days, paged). */
@Controller
class AccountsController {

    /** The bank's dates are Japanese business dates. */
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final int HISTORY_DAYS = 30;

    private final BankApi api;

    AccountsController(BankApi api) {
        this.api = api;
    }

    /** An account on the list with its balance, or the bank's answer why the balance is not there. */
    record AccountCard(AccountList.Account account, AccountBalance balance, BankProblem balanceProblem) {
    }

    @GetMapping("/accounts")
    String accounts(HttpServletRequest request, Model model) {
        BankConnection connection = CustomerSession.connection(request);
        if (connection == null) {
            return "redirect:/";
        }
        var customer = CustomerSession.customer(request);
        AccountList list = api.accounts(connection, customer);
        List<AccountCard> cards = new ArrayList<>();
        for (AccountList.Account account : list.accounts()) {
            try {
                cards.add(new AccountCard(account, api.balance(connection, customer, account.accountId()), null));
            }
            catch (BankProblem problem) {
                if (problem.kind() != BankProblem.Kind.API_ERROR) {
                    throw problem;
                }
                cards.add(new AccountCard(account, null, problem)); // one account's refusal does not hide the others
            }
        }
        model.addAttribute("connection", connection);
        model.addAttribute("accountList", list);
        model.addAttribute("cards", cards);
        return "accounts";
    }

    @GetMapping("/accounts/{accountId}/transactions")
    String transactions(@PathVariable String accountId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateTo,
            @RequestParam(required = false) String nextItemKey, @RequestParam(defaultValue = "1") int page,
            HttpServletRequest request, Model model) {
        BankConnection connection = CustomerSession.connection(request);
        if (connection == null) {
            return "redirect:/";
        }
        var customer = CustomerSession.customer(request);
        // the period is fixed on the first page and carried along, so paging does not shift at midnight
        LocalDate to = dateTo != null ? dateTo : LocalDate.now(TOKYO);
        LocalDate from = dateFrom != null ? dateFrom : to.minusDays(HISTORY_DAYS - 1);
        TransactionHistory history = api.transactions(connection, customer, accountId, from, to, nextItemKey);
        AccountList.Account account = api.accounts(connection, customer).accounts().stream()
                .filter(a -> accountId.equals(a.accountId())).findFirst().orElse(null);
        model.addAttribute("connection", connection);
        model.addAttribute("accountId", accountId);
        model.addAttribute("account", account);
        model.addAttribute("history", history);
        model.addAttribute("dateFrom", from);
        model.addAttribute("dateTo", to);
        model.addAttribute("page", Math.max(page, 1));
        return "transactions";
    }
}
