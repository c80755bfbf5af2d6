/**
 * Zengin (全銀) transfer rules for the payment API (更新系): pure Java, no Spring, no database, so the
 * rules are decided the same way by the fee estimate, the transfer request and the tests.
 * <ul>
 * <li>{@link jp.kakehashi.banking.transfer.rules.TransferValidation}: payee and item fields (bank, branch, 預金種目,
 * account number, amount, EDI information, item ids) with per-field {@link jp.kakehashi.banking.transfer.rules.Violation}s
 * that become {@code errorDetails[{errorDetailsCode, errorDetailsMessage, itemId}]}.</li>
 * <li>{@link jp.kakehashi.banking.transfer.rules.ZenginText}: names in the Zengin character set (half-width kana,
 * small kana written large, 法人略語 such as {@code ｶ)}).</li>
 * <li>{@link jp.kakehashi.banking.transfer.rules.BankCalendar}: bank business days (営業日): weekends, national
 * holidays by rule, 12/31–1/3.</li>
 * <li>{@link jp.kakehashi.banking.transfer.rules.ExecutionDatePolicy}: 振込指定日, cut-off time and
 * {@code transferDateHolidayCode}.</li>
 * <li>{@link jp.kakehashi.banking.transfer.rules.FeeTable}: the customer's transfer fee (振込手数料) in whole yen.</li>
 * </ul>
 * Field names follow GMO Aozora Net Bank's transfer request ({@code TransferRequest} and {@code Transfer} of its
 * published API, https://github.com/gmoaozora/gmo-aozora-api-java); the formats are Zengin's (bank 4 digits, branch
 * 3, account 7; 預金種目 1/2/4/9; 受取人名 at most 30 and 依頼人名 40 characters of the Zengin set; amount N(10); EDI
 * at most 20).
 */
@org.jspecify.annotations.NullMarked
package jp.kakehashi.banking.transfer.rules;
