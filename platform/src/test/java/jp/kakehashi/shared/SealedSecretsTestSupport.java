package jp.kakehashi.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Seals as {@code signing_key.jwk_encrypted} is sealed: AES-GCM directly under the master key, IV then ciphertext. */
final class SealedSecretsTestSupport {

    private SealedSecretsTestSupport() {
    }

    static String sealDirectly(byte[] masterKey, String plaintext) {
        try {
            byte[] iv = new byte[12];
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed)
                    .array());
        }
        catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
