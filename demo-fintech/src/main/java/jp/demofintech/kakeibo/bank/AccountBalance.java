package jp.demofintech.kakeibo.bank;

/**
 * An account's balance (残高照会, {@code GET /v1/accounts/{accountId}/balances}); amounts are whole-yen digit strings.
 */
public record AccountBalance(String accountId, String balance, String withdrawableAmount, String previousDayBalance,
        String previousMonthBalance, String baseDate, String baseTime, String currencyCode, String currencyName) {

    public String balanceText() {
        return Yen.format(balance);
    }

    public String withdrawableAmountText() {
        return Yen.format(withdrawableAmount);
    }

    public String previousDayBalanceText() {
        return Yen.format(previousDayBalance);
    }

    public String previousMonthBalanceText() {
        return Yen.format(previousMonthBalance);
    }
}
