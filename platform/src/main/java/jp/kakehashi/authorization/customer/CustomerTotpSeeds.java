package jp.kakehashi.authorization.customer;

import java.nio.file.Path;
import java.util.function.Supplier;
import jp.kakehashi.shared.MasterKeyMaterial;
import jp.kakehashi.shared.SealedSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Customers' TOTP seeds sealed under the master key (C2), like the staff's: whoever reads
 * {@code customer_credential} must not be able to make one-time passwords. Each seed is bound to its customer (the
 * customer id is the AES-GCM associated data, values marked {@value #BOUND}): a database writer who copies their own
 * sealed seed into another customer's row gets a seed that opens nowhere. A seed opens only here, only when a code is
 * checked; one that does not open (written past the application, e.g. a plaintext seed put in by hand, a seed of
 * another row, or sealed under another master key) is never used: {@link UnusableTotpSeed} is thrown and the error
 * logged with the customer id, a fault of the bank's data, never a wrong code of the customer's.
 * <p>
 * The key is derived on first use, not when the bean is made, so nothing makes a master key before
 * {@code MasterKeyGuard} and the migration have checked it against the database.
 */
@Component
public class CustomerTotpSeeds {

    /** The mark of a seed bound to its customer; an older sealed seed without it is bound at start. */
    static final String BOUND = "b1:";
    private static final Logger log = LoggerFactory.getLogger(CustomerTotpSeeds.class);

    private final Supplier<SealedSecrets> sealing;
    private final String masterKey;
    private final Path masterKeyFile;

    @Autowired
    public CustomerTotpSeeds(@Value("${kakehashi.secrets.master-key:}") String masterKey,
            @Value("${kakehashi.secrets.master-key-file:data/secrets/master.key}") Path masterKeyFile) {
        this.sealing = SingletonSupplier.of(() -> SealedSecrets.forPurpose(masterKey, masterKeyFile,
                "customer-totp-secret"));
        this.masterKey = masterKey;
        this.masterKeyFile = masterKeyFile;
    }

    CustomerTotpSeeds(SealedSecrets sealing) {
        this.sealing = () -> sealing;
        this.masterKey = null;
        this.masterKeyFile = null;
    }

    /** The seed sealed for this customer's row only. */
    String seal(String customerId, String base32Seed) {
        return BOUND + sealing.get().seal(base32Seed, binding(customerId));
    }

    /**
     * The seed of the customer's row.
     *
     * @throws UnusableTotpSeed when it does not open for this customer under this master key (logged)
     */
    String open(String customerId, String sealed) {
        try {
            if (!sealed.startsWith(BOUND)) {
                throw new IllegalStateException("not bound to its customer");
            }
            return sealing.get().open(sealed.substring(BOUND.length()), binding(customerId));
        }
        catch (IllegalStateException notSealedHere) {
            log.error("The TOTP seed of customer {} does not open for that customer under this master key (plaintext, "
                    + "altered, copied from another row or sealed under another key); it is not used. Provision it "
                    + "again through CustomerCredentials.", customerId);
            throw new UnusableTotpSeed(customerId);
        }
    }

    /**
     * A seed sealed before seeds were bound to their rows, bound now; null when it does not open (left, and refused
     * when used).
     */
    String bound(String customerId, String unboundSealed) {
        try {
            return seal(customerId, sealing.get().open(unboundSealed));
        }
        catch (IllegalStateException notSealedHere) {
            log.error("The TOTP seed of customer {} does not open under this master key; it is left as it is and "
                    + "never used.", customerId);
            return null;
        }
    }

    /**
     * Refuses to seal anything when this node's master key does not open {@code sealedSample}, a secret the database
     * already holds (C2, see {@link MasterKeyMaterial#requireOpens}).
     */
    void requireMasterKeyOpens(String sealedSample, String where) {
        if (masterKeyFile != null) {
            MasterKeyMaterial.requireOpens(masterKey, masterKeyFile, sealedSample, where);
        }
    }

    private static String binding(String customerId) {
        return "customer_credential:" + customerId;
    }
}
