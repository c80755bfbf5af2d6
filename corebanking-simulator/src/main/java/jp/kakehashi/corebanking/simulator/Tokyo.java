package jp.kakehashi.corebanking.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The bank's calendar runs on Japan time whatever the server's zone. */
final class Tokyo {

    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private Tokyo() {
    }

    static LocalDate today(Clock clock) {
        return dateOf(clock.instant());
    }

    static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** PostgreSQL keeps microseconds; truncating first makes a stored moment read back equal. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime forDatabase(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
