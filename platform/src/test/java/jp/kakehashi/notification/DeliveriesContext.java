package jp.kakehashi.notification;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.UUID;
import jp.kakehashi.PlatformTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application context the deliveries tests share (one, so one database): a TPP's and another bank's endpoints
 * on a {@link TestReceiver} in this JVM, and one trusted bank whose key the tests hold.
 */
@PlatformTest
public abstract class DeliveriesContext {

    protected static final TestReceiver RECEIVER = new TestReceiver();
    protected static final String OTHER_BANK = "https://trusted-bank.example";
    protected static final ECKey OTHER_BANKS_KEY = key();

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        // a database of its own: the default test context may be alive in the same JVM on the default folder
        registry.add("kakehashi.embedded-postgres.data-directory", () -> "target/it-data/postgres-deliveries");
        registry.add("kakehashi.deliveries.allow-plain-http-loopback", () -> "true");
        // retries due at once, so a test drives them without waiting
        registry.add("kakehashi.deliveries.first-retry", () -> "0s");
        registry.add("kakehashi.deliveries.interval", () -> "1h");
        registry.add("kakehashi.security-events.receivers[0].id", () -> "other-bank");
        registry.add("kakehashi.security-events.receivers[0].url", () -> RECEIVER.url("/other-bank/events"));
        registry.add("kakehashi.security-events.receivers[0].audience", () -> "https://other-bank.example");
        registry.add("kakehashi.security-events.trusted-transmitters[0].issuer", () -> OTHER_BANK);
        registry.add("kakehashi.security-events.trusted-transmitters[0].jwks",
                () -> new JWKSet(OTHER_BANKS_KEY.toPublicJWK()).toString());
    }

    protected static ECKey key() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
