package jp.kakehashi.corebanking.spi;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A page request for an account's transaction history (入出金明細照会): a period of transaction dates,
 * both ends inclusive, in ascending order, continued after {@code afterItemKey}.
 *
 * @param afterItemKey the {@code nextItemKey} of the previous page, or {@code null} for the first page; a key of the
 *                     right format that the core did not issue may be refused with an IllegalArgumentException
 * @param limit        1 to {@link #MAX_LIMIT} lines
 */
public record TransactionQuery(AccountId accountId, LocalDate from, LocalDate to, @Nullable String afterItemKey,
        int limit) {

    /** The most lines one page carries, as in the GMO-style API the platform follows. */
    public static final int MAX_LIMIT = 500;

    /** Item keys are 1 to 24 digits, as GMO's {@code nextItemKey}; callers validate client input against it. */
    public static final Pattern ITEM_KEY_FORMAT = Pattern.compile("\\d{1,24}");

    public TransactionQuery {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        if (afterItemKey != null && !ITEM_KEY_FORMAT.matcher(afterItemKey).matches()) {
            throw new IllegalArgumentException("item key must be 1 to 24 digits: " + afterItemKey);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
    }

    /** The first page of a period. */
    public static TransactionQuery firstPage(AccountId accountId, LocalDate from, LocalDate to, int limit) {
        return new TransactionQuery(accountId, from, to, null, limit);
    }

    /** The page after the one that ended at {@code page}. */
    public TransactionQuery next(TransactionPage page) {
        if (!page.hasNext()) {
            throw new IllegalStateException("no next page");
        }
        return new TransactionQuery(accountId, from, to, page.nextItemKey(), limit);
    }
}
