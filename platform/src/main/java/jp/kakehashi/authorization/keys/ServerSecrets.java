package jp.kakehashi.authorization.keys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Secrets every node derives alike from the master key (C2), so stateless values such as DPoP nonces made on one
 * node are accepted on another without shared memory.
 */
@Component
public class ServerSecrets {

    private final MasterKey masterKey;

    ServerSecrets(@Value("${kakehashi.secrets.master-key:}") String masterKeyBase64,
            @Value("${kakehashi.secrets.master-key-file:data/secrets/master.key}") Path masterKeyFile) {
        this.masterKey = MasterKey.from(masterKeyBase64, masterKeyFile);
    }

    /** HMAC-SHA256 of {@code message} under a key derived for {@code purpose}. */
    public byte[] mac(String purpose, String message) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(masterKey.asHmacKey());
            byte[] purposeKey = derive.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(purposeKey, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    MasterKey masterKey() {
        return masterKey;
    }
}
