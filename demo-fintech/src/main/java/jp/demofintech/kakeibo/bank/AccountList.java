package jp.demofintech.kakeibo.bank;

import java.util.List;

/** The bank's account list (口座一覧照会, {@code GET /v1/accounts}): the accounts the customer chose to share. */
public record AccountList(String baseDate, String baseTime, List<Account> accounts) {

    public AccountList {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /** One account as the bank describes it; codes are the bank's (e.g. {@code accountTypeCode} 01 普通). */
    public record Account(String accountId, String branchCode, String branchName, String accountTypeCode,
            String accountTypeName, String accountNumber, String accountName, String accountNameKana,
            String currencyCode, String currencyName, String primaryAccountCode) {
    }
}
