package jp.kakehashi.banking.transfer.rules;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What to do when the transfer date (振込指定日) is not a business day, GMO Aozora's
 * {@code transferDateHolidayCode}: 1 move to the next business day (the default), 2 move to the previous
 * business day, 3 refuse.
 */
public enum HolidayHandling {
    NEXT_BUSINESS_DAY("1"), PREVIOUS_BUSINESS_DAY("2"), REFUSE("3");

    private final String code;

    HolidayHandling(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The handling of a code; an absent code means the default, an unknown one is empty. */
    public static Optional<HolidayHandling> ofCode(@Nullable String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of(NEXT_BUSINESS_DAY);
        }
        return Arrays.stream(values()).filter(handling -> handling.code.equals(code)).findFirst();
    }
}
