package jp.kakehashi.notification;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ECKey key;

    SecurityEventKey(JdbcClient jdbc, TransactionTemplate transactions,
            @Value("${kakehashi.secrets.master-key:}") String masterKey,
            @Value("${kakehashi.secrets.master-key-file:data/secrets/master.key}") Path masterKeyFile) {
        SecretKeySpec sealing = sealingKey(masterKey, masterKeyFile);
        String sealed = transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(7202)").query().singleValue();
            return jdbc.sql("select jwk_encrypted from security_event_key order by created_at desc limit 1")
                    .query(String.class).optional().orElseGet(() -> {
                        String created = seal(sealing, generate().toJSONString());
                        jdbc.sql("insert into security_event_key (kid, jwk_encrypted) values (?, ?)")
                                .params(UUID.randomUUID().toString(), created).update();
                        return created;
                    });
        });
        this.key = parse(open(sealing, sealed));
    }

    ECKey signingKey() {
        return key;
    }

    /** What receivers verify with: the public key only. */
    JWKSet publicJwks() {
        return new JWKSet(key.toPublicJWK());
    }

    // the same master key as the authorization server's secrets, so one secret protects all keys at rest; a
    // purpose-derived key keeps the two uses apart
    private static SecretKeySpec sealingKey(String base64, Path file) {
        try {
            byte[] master;
            if (base64 != null && !base64.isBlank()) {
                master = Base64.getDecoder().decode(base64.trim());
            } else {
                if (!Files.exists(file)) {
                    byte[] fresh = new byte[32];
                    RANDOM.nextBytes(fresh);
                    Files.createDirectories(file.toAbsolutePath().getParent());
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
                }
                master = Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(master, "HmacSHA256"));
            return new SecretKeySpec(derive.doFinal("security-event-key".getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the master key for the security event key", e);
        }
    }

    private static String seal(SecretKeySpec key, String plaintext) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String open(SecretKeySpec key, String sealedBase64) {
        try {
            byte[] sealed = Base64.getDecoder().decode(sealedBase64);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
            return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt the security event key: wrong master key?", e);
        }
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
