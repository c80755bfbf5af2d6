package jp.kakehashi.admin;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import jp.kakehashi.shared.BusinessClock;
import org.springframework.stereotype.Component;

/**
 * Times on console pages, always in Japan time whatever the server's zone, for templates as
 * {@code ${@consoleTimes.at(instant)}} (seconds count when staff compare log entries) and {@code day(instant)}.
 */
@Component("consoleTimes")
public class ConsoleTimes {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(BusinessClock.TOKYO);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(BusinessClock.TOKYO);

    public String at(Instant instant) {
        return instant == null ? "" : AT.format(instant);
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }
}
