package jp.kakehashi.runtime.network;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kakehashi.network.*}: where the platform stands in the bank's network.
 *
 * @param trustedProxies  addresses and CIDR ranges of the bank's load balancers and reverse proxies, whose
 *                        forwarded header names the client; empty (the default): nobody's is believed
 * @param forwardedHeader the header those proxies write: {@code x-forwarded-for} (the default) or {@code forwarded}
 *                        (RFC 7239)
 */
@ConfigurationProperties("kakehashi.network")
record NetworkProperties(List<String> trustedProxies, @DefaultValue("x-forwarded-for") ForwardedHeader forwardedHeader) {

    NetworkProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    ClientAddresses clientAddresses() {
        return new ClientAddresses(TrustedProxies.of(trustedProxies), forwardedHeader);
    }
}
