package jp.kakehashi.banking.transfer;

import java.util.List;
import jp.kakehashi.banking.transfer.rules.TransferInput;
import jp.kakehashi.banking.transfer.rules.TransferItemInput;

/**
 * A transfer request (振込依頼) as the client sent it, in GMO Aozora's shape: every value a string, so that
 * the rules, not JSON binding, decide what is wrong with it.
 *
 * @param accountId               the debit account (the caller has checked it is one the grant covers)
 * @param remitterName            依頼人名, or null for the account holder's kana name
 * @param transferDesignatedDate  振込指定日 YYYY-MM-DD, or null for today
 * @param transferDateHolidayCode 1 next business day (default), 2 previous, 3 refuse
 * @param totalCount              合計件数, must equal the number of items
 * @param totalAmount             合計金額, must equal the sum of the item amounts
 */
public record TransferOrder(String accountId, String remitterName, String transferDesignatedDate,
        String transferDateHolidayCode, String totalCount, String totalAmount, List<TransferItemInput> transfers) {

    public TransferOrder {
        transfers = transfers == null ? List.of() : List.copyOf(transfers);
    }

    TransferInput input() {
        return new TransferInput(remitterName, transfers);
    }
}
