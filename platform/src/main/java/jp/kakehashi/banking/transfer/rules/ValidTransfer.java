package jp.kakehashi.banking.transfer.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A transfer request that passed the Zengin field rules: the remitter name in Zengin characters (null
 * when the account holder's name is to be used) and its items in request order.
 */
public record ValidTransfer(@Nullable String remitterName, List<TransferItem> items) {

    public ValidTransfer {
        items = List.copyOf(items);
    }

    /** The sum of the item amounts in yen; 99 items of at most 9,999,999,999 yen cannot overflow a long. */
    public long totalAmount() {
        return items.stream().mapToLong(TransferItem::amount).sum();
    }
}
