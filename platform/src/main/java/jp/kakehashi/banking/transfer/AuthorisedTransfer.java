package jp.kakehashi.banking.transfer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.kakehashi.banking.transfer.rules.TransferItem;

/**
 * The one transfer a grant was approved for (RFC 9396 detail {@code kakehashi_transfer}, B5, B10), as stored with the
 * grant: the amount, the debtor account and the creditor must match the request exactly.
 */
record AuthorisedTransfer(String amount, String debtorAccountId, Map<?, ?> creditor) {

    static final String TYPE = "kakehashi_transfer";

    /** The transfer detail among a grant's approved details; empty when the grant has none (scopes only). */
    static Optional<AuthorisedTransfer> of(List<Map<String, Object>> details) {
        return details.stream().filter(d -> TYPE.equals(d.get("type"))).findFirst().map(d -> new AuthorisedTransfer(
                string(map(d.get("instructedAmount")).get("amount")), string(map(d.get("debtorAccount")).get("accountId")),
                map(d.get("creditor"))));
    }

    /** Whether a priced request is the approved transfer: same debtor, amount and payee (Zengin form). */
    boolean allows(Quote.Priced priced) {
        if (priced.transfer().items().size() != 1) {
            return false;
        }
        TransferItem item = priced.transfer().items().getFirst();
        var payee = item.payee();
        return Long.toString(item.amount()).equals(amount) && priced.accountId().equals(debtorAccountId)
                && payee.bankCode().equals(creditor.get("bankCode"))
                && payee.branchCode().equals(creditor.get("branchCode"))
                && payee.accountType().code().equals(creditor.get("accountTypeCode"))
                && payee.accountNumber().equals(creditor.get("accountNumber"))
                && payee.name().equals(creditor.get("name"));
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String string(Object value) {
        return Objects.toString(value, null);
    }
}
