package jp.kakehashi.notification.secevent;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security events shared with other banks ({@code kakehashi.security-events}, E1, F3; OpenID Shared Signals).
 *
 * @param receivers           banks that subscribed to this bank's security events: each gets them by RFC 8935 push
 * @param trustedTransmitters banks whose pushed security events this bank accepts, with where their keys are
 * @param maxAge              a received token issued longer ago than this is refused: a replayed old event must not
 *                            pass as news
 * @param maxClockSkew        how far in the future a received token's {@code iat} may be, for the banks' clocks
 */
@ConfigurationProperties("kakehashi.security-events")
record SecurityEventProperties(List<Receiver> receivers, List<Transmitter> trustedTransmitters,
        @DefaultValue("7d") Duration maxAge, @DefaultValue("60s") Duration maxClockSkew) {

    SecurityEventProperties {
        receivers = receivers == null ? List.of() : List.copyOf(receivers);
        trustedTransmitters = trustedTransmitters == null ? List.of() : List.copyOf(trustedTransmitters);
    }

    /**
     * @param id       the bank's name in the delivery records
     * @param url      its push endpoint
     * @param audience the {@code aud} it expects (its issuer identifier)
     */
    record Receiver(String id, String url, String audience) {
    }

    /**
     * @param issuer  the {@code iss} of its tokens
     * @param jwksUri where its public keys are published (fetched and cached), or null when {@code jwks} is given
     * @param jwks    its public JWK set inline, or null
     */
    record Transmitter(String issuer, String jwksUri, String jwks) {
    }
}
