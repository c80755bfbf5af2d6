package jp.kakehashi.banking.web;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * The period of a history request (入出金明細照会), both ends inclusive, after GMO's defaults: no dates → today; only
 * {@code dateFrom} → from then to today; only {@code dateTo} → from the first day the bank provides to then;
 * {@code dateFrom} after {@code dateTo} → refused. The bank's policy (B10) bounds how far back and how long a period
 * may be; a period outside it is refused with {@code DATE_RANGE_NOT_ALLOWED}, not silently cut, so the TPP knows.
 */
record TransactionPeriod(LocalDate from, LocalDate to) {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    static TransactionPeriod resolve(String dateFrom, String dateTo, LocalDate today, Period maxHistory,
            Period maxRange) {
        LocalDate from = date(dateFrom, "dateFrom", today);
        LocalDate to = date(dateTo, "dateTo", today);
        LocalDate earliest = today.minus(maxHistory);
        if (to == null) {
            to = today;
        }
        if (to.isBefore(earliest)) {
            throw ApiException.dateRangeNotAllowed("dateTo", "history is provided from " + earliest);
        }
        if (from == null) {
            from = dateFrom == null && dateTo == null ? today : latest(earliest, to.minus(maxRange));
        }
        if (from.isAfter(to)) {
            throw ApiException.invalidParameter("dateFrom", "dateFrom is after dateTo");
        }
        if (from.isBefore(earliest)) {
            throw ApiException.dateRangeNotAllowed("dateFrom", "history is provided from " + earliest);
        }
        if (from.plus(maxRange).isBefore(to)) {
            throw ApiException.dateRangeNotAllowed("dateTo", "one request may cover at most " + maxRange);
        }
        return new TransactionPeriod(from, to);
    }

    private static LocalDate date(String value, String itemId, LocalDate today) {
        if (value == null) {
            return null;
        }
        if (!DATE.matcher(value).matches()) {
            throw ApiException.invalidParameter(itemId, itemId + " must be YYYY-MM-DD");
        }
        try {
            LocalDate date = LocalDate.parse(value, STRICT);
            if (date.isAfter(today)) {
                throw ApiException.invalidParameter(itemId, itemId + " is in the future");
            }
            return date;
        }
        catch (DateTimeParseException e) {
            throw ApiException.invalidParameter(itemId, itemId + " is not a date");
        }
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
