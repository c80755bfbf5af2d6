package jp.kakehashi.banking.transfer.rules;

import java.time.LocalTime;
import java.util.Objects;

/**
 * The bank's choices for transfer dates: the cut-off time (受付時限, Japan time) after which a same-day
 * transfer moves to the next business day, and how many days ahead a transfer may be booked (予約振込).
 */
public record ExecutionDateSettings(LocalTime cutOff, int maxDaysAhead) {

    public ExecutionDateSettings {
        Objects.requireNonNull(cutOff, "cutOff");
        if (maxDaysAhead < 0) {
            throw new IllegalArgumentException("maxDaysAhead must not be negative: " + maxDaysAhead);
        }
    }

    /** 15:00 JST, as most banks' internet banking, and 30 days ahead. */
    public static ExecutionDateSettings defaults() {
        return new ExecutionDateSettings(LocalTime.of(15, 0), 30);
    }
}
