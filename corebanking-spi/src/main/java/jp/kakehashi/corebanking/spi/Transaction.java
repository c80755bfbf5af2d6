package jp.kakehashi.corebanking.spi;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of an account's transaction history (入出金明細). A transfer's fee (振込手数料) may be a withdrawal line
 * of its own under the transfer's transaction id, as Japanese banks usually show it (the simulator does).
 *
 * @param itemKey        1 to 24 digits ({@link TransactionQuery#ITEM_KEY_FORMAT}), unique per account, increasing in
 *                       history order; the paging cursor
 * @param transactionId  the posting this line belongs to (both sides of an internal transfer and a transfer's fee
 *                       line share it)
 * @param valueDate      起算日
 * @param amount         whole yen, always positive; {@code type} tells the direction
 * @param balanceAfter   the balance after this line (取引後残高)
 * @param remarks        摘要, e.g. {@code 振込 ｻﾄｳ ﾊﾅｺ}
 */
public record Transaction(
        String itemKey,
        TransactionId transactionId,
        AccountId accountId,
        LocalDate transactionDate,
        LocalDate valueDate,
        TransactionType type,
        long amount,
        long balanceAfter,
        String remarks) {

    public Transaction {
        Objects.requireNonNull(itemKey, "itemKey");
        if (!TransactionQuery.ITEM_KEY_FORMAT.matcher(itemKey).matches()) {
            throw new IllegalArgumentException("item key must be 1 to 24 digits: " + itemKey);
        }
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(transactionDate, "transactionDate");
        Objects.requireNonNull(valueDate, "valueDate");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(remarks, "remarks");
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
    }
}
