package jp.kakehashi.notification.signing;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.file.Path;
import jp.kakehashi.shared.SealedSecrets;
import jp.kakehashi.shared.SealedSigningKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification module's own key for signing security event tokens (ES256), apart from the authorization
 * server's token keys so either can be rotated or revoked alone. Shared by every node through PostgreSQL, encrypted
 * there (C2) under a key derived from the platform's master key ({@code kakehashi.secrets.master-key[-file]}); the
 * first node to start makes it under an advisory lock. Receivers fetch the public half from the published JWKS.
 */
@Component
public class SecurityEventKey {

    private final ECKey key;

    SecurityEventKey(JdbcClient jdbc, TransactionTemplate transactions,
            @Value("${kakehashi.secrets.master-key:}") String masterKey,
            @Value("${kakehashi.secrets.master-key-file:data/secrets/master.key}") Path masterKeyFile) {
        // the same master key as the authorization server's secrets; the purpose keeps the two uses apart
        SealedSecrets sealing = SealedSecrets.forPurpose(masterKey, masterKeyFile, "security-event-key");
        this.key = SealedSigningKeys.loadOrCreate(jdbc, transactions, sealing, "security_event_key", 7202, "set-");
    }

    public ECKey signingKey() {
        return key;
    }

    /** What receivers verify with: the public key only. */
    public JWKSet publicJwks() {
        return new JWKSet(key.toPublicJWK());
    }
}
