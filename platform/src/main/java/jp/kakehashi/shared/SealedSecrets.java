package jp.kakehashi.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Secrets kept at rest encrypted (C2): AES-256-GCM under a key derived, per purpose, from the platform's master key
 * ({@link MasterKeyMaterial}). One secret protects every key and seed at rest; the purpose keeps the uses apart, so a value
 * sealed for one purpose does not open for another. Sealed values are base64 of IV (12 bytes) then ciphertext.
 */
public final class SealedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SealedSecrets(SecretKeySpec key) {
        this.key = key;
    }

    /**
     * The sealing key for one purpose (e.g. {@code security-event-key}).
     *
     * @param masterKey     the master key in base64, or blank to use the file
     * @param masterKeyFile where a local run keeps the master key; created with a fresh key if missing
     */
    public static SealedSecrets forPurpose(String masterKey, Path masterKeyFile, String purpose) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(MasterKeyMaterial.of(masterKey, masterKeyFile), "HmacSHA256"));
            return new SealedSecrets(new SecretKeySpec(derive.doFinal(purpose.getBytes(StandardCharsets.UTF_8)),
                    "AES"));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the key for " + purpose, e);
        }
    }

    public String seal(String plaintext) {
        return seal(plaintext, null);
    }

    /**
     * Seals {@code plaintext} bound to {@code boundTo} (AES-GCM associated data, e.g. the id of the row that holds
     * it): the value opens only with the same binding, so copying it into another row makes it useless there.
     */
    public String seal(String plaintext, @Nullable String boundTo) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            if (boundTo != null) {
                cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            }
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed)
                    .array());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The plaintext of a value sealed without binding; fails loudly when the value was sealed under another master
     * key or purpose, or with a binding, or altered.
     */
    public String open(String sealedBase64) {
        return open(sealedBase64, null);
    }

    /** The plaintext of a value sealed with {@link #seal(String, String)} under the same binding; fails loudly else. */
    public String open(String sealedBase64, @Nullable String boundTo) {
        try {
            byte[] sealed = Base64.getDecoder().decode(sealedBase64);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
            if (boundTo != null) {
                cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            }
            return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt a sealed secret: wrong master key?", e);
        }
    }
}
