package jp.kakehashi.notification;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;
import jp.kakehashi.shared.SealedSecrets;
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
class SecurityEventKey {

    private final ECKey key;

    SecurityEventKey(JdbcClient jdbc, TransactionTemplate transactions,
            @Value("${kakehashi.secrets.master-key:}") String masterKey,
            @Value("${kakehashi.secrets.master-key-file:data/secrets/master.key}") Path masterKeyFile) {
        // the same master key as the authorization server's secrets; the purpose keeps the two uses apart
        SealedSecrets sealing = SealedSecrets.forPurpose(masterKey, masterKeyFile, "security-event-key");
        String sealed = transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(7202)").query().singleValue();
            return jdbc.sql("select jwk_encrypted from security_event_key order by created_at desc limit 1")
                    .query(String.class).optional().orElseGet(() -> {
                        String created = sealing.seal(generate().toJSONString());
                        jdbc.sql("insert into security_event_key (kid, jwk_encrypted) values (?, ?)")
                                .params(UUID.randomUUID().toString(), created).update();
                        return created;
                    });
        });
        this.key = parse(sealing.open(sealed));
    }

    ECKey signingKey() {
        return key;
    }

    /** What receivers verify with: the public key only. */
    JWKSet publicJwks() {
        return new JWKSet(key.toPublicJWK());
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyID("set-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("the stored security event key is not a valid JWK", e);
        }
    }
}
