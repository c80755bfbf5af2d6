package jp.kakehashi.authorization.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import jp.kakehashi.shared.MasterKeyMaterial;

/**
 * The key that encrypts secrets at rest (C2), such as the authorization server's private signing keys: AES-256-GCM.
 * Where it comes from, and how its file is kept owner-only, is {@link MasterKeyMaterial}.
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
        return new MasterKey(MasterKeyMaterial.of(base64, file));
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
