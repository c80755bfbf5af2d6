package jp.kakehashi.availability;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service stops ({@code kakehashi.availability}, E6).
 *
 * @param noticePeriod    how far ahead a planned stop must be announced (agreed with the TPPs)
 * @param refreshInterval how often each node rereads the stops; a stop announced on another node takes effect here
 *                        within this time (this node's own announcements at once)
 */
@ConfigurationProperties("kakehashi.availability")
record AvailabilityProperties(@DefaultValue("7d") Duration noticePeriod, @DefaultValue("5s") Duration refreshInterval) {
}
