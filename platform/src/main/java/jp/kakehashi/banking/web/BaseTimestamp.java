package jp.kakehashi.banking.web;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import jp.kakehashi.shared.BusinessClock;

/**
 * 基準日・基準時刻: when the figures of a response were valid, in Japan time with an explicit offset
 * ({@code 2026-04-01}, {@code 09:30:00+09:00}), as the GMO-style API writes them.
 */
record BaseTimestamp(String baseDate, String baseTime) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ssxxx");

    static BaseTimestamp of(Instant instant) {
        ZonedDateTime tokyo = instant.atZone(BusinessClock.TOKYO);
        return new BaseTimestamp(tokyo.toLocalDate().toString(), tokyo.format(TIME));
    }
}
