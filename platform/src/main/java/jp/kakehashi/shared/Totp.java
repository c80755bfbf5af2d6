package jp.kakehashi.shared;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords (HMAC-SHA1, 30-second steps, 6 digits), the second factor that
 * authenticator apps generate. A code of the step before or after is accepted for clock drift.
 */
public final class Totp {

    private static final int STEP_SECONDS = 30;

    private Totp() {
    }

    /** The time step a valid code belongs to, or -1 when the code is wrong. */
    public static long matchingStep(String base32Secret, String code, Instant now) {
        if (code == null || !code.matches("\\d{6}")) {
            return -1;
        }
        long step = now.getEpochSecond() / STEP_SECONDS;
        for (long candidate = step - 1; candidate <= step + 1; candidate++) {
            if (java.security.MessageDigest.isEqual(code(base32Secret, candidate).getBytes(), code.getBytes())) {
                return candidate;
            }
        }
        return -1;
    }

    public static String codeAt(String base32Secret, Instant when) {
        return code(base32Secret, when.getEpochSecond() / STEP_SECONDS);
    }

    static String code(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(Base32.decode(base32Secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4648 base32 without padding, as authenticator apps use. */
    static final class Base32 {
        private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        static byte[] decode(String text) {
            String clean = text.replace("=", "").replace(" ", "").toUpperCase();
            ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
            int buffer = 0;
            int bits = 0;
            for (char c : clean.toCharArray()) {
                int value = ALPHABET.indexOf(c);
                if (value < 0) {
                    throw new IllegalArgumentException("not base32");
                }
                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits >= 8) {
                    out.put((byte) (buffer >> (bits - 8)));
                    bits -= 8;
                }
            }
            return java.util.Arrays.copyOf(out.array(), out.position());
        }
    }
}
