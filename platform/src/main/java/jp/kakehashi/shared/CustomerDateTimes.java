package jp.kakehashi.shared;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Date and time as the bank's screens and notices show them to customers (D1): Japan time, in Japanese
 * ({@code 2026年11月26日 15:19}) or English ({@code 26 Nov 2026 15:19}).
 */
public final class CustomerDateTimes {

    private CustomerDateTimes() {
    }

    public static DateTimeFormatter formatter(Locale locale) {
        String pattern = "en".equals(locale.getLanguage()) ? "d MMM uuuu HH:mm" : "uuuu年M月d日 HH:mm";
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(BusinessClock.TOKYO);
    }
}
