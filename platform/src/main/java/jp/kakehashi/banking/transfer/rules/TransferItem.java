package jp.kakehashi.banking.transfer.rules;

/**
 * One validated item of a transfer request (振込明細, Zengin rules): its id (1–99, unique in the request), the payee,
 * the amount in whole yen and the EDI information in Zengin characters (empty when none was given).
 */
public record TransferItem(int itemId, Payee payee, long amount, String ediInfo) {
}
