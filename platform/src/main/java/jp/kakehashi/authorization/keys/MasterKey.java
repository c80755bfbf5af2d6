package jp.kakehashi.authorization.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that encrypts secrets at rest (C2), such as the authorization server's private signing keys: AES-256-GCM.
 * In production it comes from the environment ({@code KAKEHASHI_SECRETS_MASTER_KEY}, base64) or a KMS; a local
 * run makes one in its data folder at first start.
 */
final class MasterKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKey key;

    private MasterKey(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes (base64 of 256 bits)");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    static MasterKey from(String base64, Path file) {
        if (base64 != null && !base64.isBlank()) {
            return new MasterKey(Base64.getDecoder().decode(base64.trim()));
        }
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            }
            return new MasterKey(Base64.getDecoder().decode(Files.readString(file).trim()));
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read or create the master key file " + file, e);
        }
    }

    SecretKeySpec asHmacKey() {
        return new SecretKeySpec(key.getEncoded(), "HmacSHA256");
    }

    String encrypt(String plaintext) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String decrypt(String sealedBase64) {
        try {
            byte[] sealed = Base64.getDecoder().decode(sealedBase64);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
            return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored secret: wrong master key?", e);
        }
    }
}
