package jp.kakehashi.corebanking.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * The balance (残高) of an account at a point in time, in whole yen, as the read API's 残高照会 shows it.
 *
 * @param balance              the ledger balance (残高)
 * @param withdrawableAmount   what can be paid out now (支払可能残高): the balance less holds
 * @param previousDayBalance   the balance at the end of the previous business-calendar day (前日残高)
 * @param previousMonthBalance the balance at the end of the previous month (前月末残高)
 * @param asOf                 the moment the figures are valid for (基準日時)
 */
public record Balance(
        AccountId accountId,
        long balance,
        long withdrawableAmount,
        long previousDayBalance,
        long previousMonthBalance,
        String currency,
        Instant asOf) {

    public Balance {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(asOf, "asOf");
    }
}
