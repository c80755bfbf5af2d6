package jp.kakehashi.corebanking.simulator;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A history line's position, as the 24-digit {@code itemKey} of the API: transaction date (8) and entry id
 * (16). History is ordered by date first, so the date is part of the key and a back-dated entry pages correctly.
 */
record ItemKey(LocalDate transactionDate, long entryId) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern FORMAT = Pattern.compile("\\d{24}");

    /** Sorts before every entry of {@code date}: entry ids start at 1. */
    static ItemKey before(LocalDate date) {
        return new ItemKey(date, 0);
    }

    static ItemKey parse(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not an item key of this core: " + value);
        }
        try {
            return new ItemKey(LocalDate.parse(value.substring(0, 8), DATE), Long.parseLong(value.substring(8)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an item key of this core: " + value, e);
        }
    }

    String value() {
        return transactionDate.format(DATE) + "%016d".formatted(entryId);
    }
}
