package jp.kakehashi.banking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import jp.kakehashi.shared.ApiError;
import org.junit.jupiter.api.Test;

/** GMO's period defaults and the bank's history limits (B10), without Spring. */
class TransactionPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 15);
    private static final Period HISTORY = Period.ofYears(2);
    private static final Period RANGE = Period.ofYears(1);

    @Test
    void resolveWhenNoDatesThenTodayOnly() {
        assertThat(resolve(null, null)).isEqualTo(new TransactionPeriod(TODAY, TODAY));
    }

    @Test
    void resolveWhenOnlyFromThenFromUntilToday() {
        assertThat(resolve("2026-01-10", null)).isEqualTo(new TransactionPeriod(LocalDate.of(2026, 1, 10), TODAY));
    }

    @Test
    void resolveWhenOnlyToThenFromTheFirstDayThePolicyAllows() {
        assertThat(resolve(null, "2026-03-31"))
                .isEqualTo(new TransactionPeriod(LocalDate.of(2025, 3, 31), LocalDate.of(2026, 3, 31)));
        assertThat(resolve(null, "2024-06-01"))
                .isEqualTo(new TransactionPeriod(LocalDate.of(2024, 4, 15), LocalDate.of(2024, 6, 1)));
    }

    @Test
    void resolveWhenFromIsAfterToThenInvalidParameter() {
        assertRefused("2026-04-02", "2026-04-01", "INVALID_PARAMETER", "dateFrom");
    }

    @Test
    void resolveWhenDateIsMalformedOrInTheFutureThenInvalidParameter() {
        assertRefused("2026-02-30", null, "INVALID_PARAMETER", "dateFrom");
        assertRefused("2026-4-1", null, "INVALID_PARAMETER", "dateFrom");
        assertRefused(null, "2026-04-16", "INVALID_PARAMETER", "dateTo");
    }

    @Test
    void resolveWhenBeyondTheHistoryOrLongerThanTheRangeThenDateRangeNotAllowed() {
        assertRefused("2024-04-14", "2024-05-01", "DATE_RANGE_NOT_ALLOWED", "dateFrom");
        assertRefused(null, "2024-04-14", "DATE_RANGE_NOT_ALLOWED", "dateTo");
        assertRefused("2025-04-14", "2026-04-15", "DATE_RANGE_NOT_ALLOWED", "dateTo");
        assertThat(resolve("2025-04-15", "2026-04-15").from()).isEqualTo(LocalDate.of(2025, 4, 15));
    }

    private static TransactionPeriod resolve(String from, String to) {
        return TransactionPeriod.resolve(from, to, TODAY, HISTORY, RANGE);
    }

    private static void assertRefused(String from, String to, String code, String itemId) {
        assertThatThrownBy(() -> resolve(from, to)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.error().details()).extracting(ApiError.Detail::itemId).containsExactly(itemId);
        });
    }
}
