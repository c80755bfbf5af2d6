package jp.kakehashi.notification.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP deliveries to TPPs and other banks ({@code kakehashi.deliveries}): webhooks and security events.
 *
 * @param allowPlainHttpLoopback accept {@code http://} endpoints on the loopback address (tests and local demos
 *                               only; every real endpoint must be https, B11)
 * @param timeout                connect and answer timeout of one attempt
 * @param maxAttempts            attempts before a delivery is given up (and left for staff to see)
 * @param firstRetry             the wait after the first failure; it doubles with each further one
 */
@ConfigurationProperties("kakehashi.deliveries")
record DeliveryProperties(@DefaultValue("false") boolean allowPlainHttpLoopback, @DefaultValue("5s") Duration timeout,
        @DefaultValue("10") int maxAttempts, @DefaultValue("30s") Duration firstRetry) {
}
