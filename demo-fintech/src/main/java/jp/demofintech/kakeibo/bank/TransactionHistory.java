package jp.demofintech.kakeibo.bank;

import java.util.List;

/**
 * One page of an account's transaction history (入出金明細照会, {@code GET /v1/accounts/{accountId}/transactions}),
 * ascending; {@code nextItemKey} continues it when {@code hasNext}.
 */
public record TransactionHistory(String accountId, String currencyCode, String dateFrom, String dateTo,
        String baseDate, String baseTime, boolean hasNext, String nextItemKey, String count, List<Line> transactions) {

    public TransactionHistory {
        transactions = transactions == null ? List.of() : List.copyOf(transactions);
    }

    /** One line; {@code transactionType} is {@code "1"} 入金 (in) or {@code "2"} 出金 (out). */
    public record Line(String transactionDate, String valueDate, String transactionType, String amount,
            String remarks, String balance, String itemKey) {

        public boolean isDeposit() {
            return "1".equals(transactionType);
        }

        public String typeName() {
            return switch (transactionType == null ? "" : transactionType) {
                case "1" -> "入金";
                case "2" -> "出金";
                default -> transactionType;
            };
        }

        public String amountText() {
            return Yen.format(amount);
        }

        public String balanceText() {
            return Yen.format(balance);
        }
    }
}
