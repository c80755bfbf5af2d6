package jp.kakehashi.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the platform, so tests can move time; business dates are in Japan time (JST, +09:00).
 */
@Configuration(proxyBeanMethods = false)
public class BusinessClock {

    /** The bank's time zone: business days, cut-offs and the timestamps of the Open API. */
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
