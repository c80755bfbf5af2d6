package jp.kakehashi.corebanking.spi;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of transaction history, ascending.
 *
 * @param nextItemKey the cursor for the next page, or {@code null} when this is the last page
 */
public record TransactionPage(List<Transaction> transactions, @Nullable String nextItemKey) {

    public TransactionPage {
        transactions = List.copyOf(Objects.requireNonNull(transactions, "transactions"));
        if (nextItemKey != null && !TransactionQuery.ITEM_KEY_FORMAT.matcher(nextItemKey).matches()) {
            throw new IllegalArgumentException("item key must be 1 to 24 digits: " + nextItemKey);
        }
    }

    public boolean hasNext() {
        return nextItemKey != null;
    }
}
