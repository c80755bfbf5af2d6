package jp.kakehashi.authorization.customer;

import java.nio.file.Path;
import java.util.Optional;
import jp.kakehashi.shared.SealedSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Customers' TOTP seeds sealed under the master key (C2), like the staff's: whoever reads
 * {@code customer_credential} must not be able to make one-time passwords. A seed opens only here, only when a code is
 * checked; one that does not open (written past the application, e.g. a plaintext seed put in by hand, or sealed under
 * another master key) is never used: the code is refused and the error logged with the customer id.
 */
@Component
public class CustomerTotpSeeds {

    private static final Logger log = LoggerFactory.getLogger(CustomerTotpSeeds.class);

    private final SealedSecrets sealing;

    @Autowired
    public CustomerTotpSeeds(@Value("${kakehashi.secrets.master-key:}") String masterKey,
            @Value("${kakehashi.secrets.master-key-file:data/secrets/master.key}") Path masterKeyFile) {
        this(SealedSecrets.forPurpose(masterKey, masterKeyFile, "customer-totp-secret"));
    }

    CustomerTotpSeeds(SealedSecrets sealing) {
        this.sealing = sealing;
    }

    String seal(String base32Seed) {
        return sealing.seal(base32Seed);
    }

    Optional<String> open(String customerId, String sealed) {
        try {
            return Optional.of(sealing.open(sealed));
        }
        catch (IllegalStateException notSealedHere) {
            log.error("The TOTP seed of customer {} does not open under this master key (plaintext, altered or sealed "
                    + "under another key); it is not used. Provision it again through CustomerCredentials.", customerId);
            return Optional.empty();
        }
    }
}
