package jp.kakehashi.authorization.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Token values are never stored (B7, C2): only their SHA-256. A token rebuilt from the store carries
 * {@code PREFIX + hash} as its value, which no issued token can look like (issued values are base64url or JWTs,
 * neither contains a colon). Only the store's own placeholders are taken as hashes ({@link #of}); a value that comes
 * from outside is always hashed ({@link #ofPresented}), so someone who reads {@code oauth_token} cannot present a
 * stored hash as a token (C2).
 */
final class TokenHash {

    static final String PREFIX = "sha256:";

    private TokenHash() {
    }

    /** The hash of a token the store holds: a placeholder it made is its hash already. */
    static String of(String tokenValue) {
        if (tokenValue.startsWith(PREFIX)) {
            return tokenValue.substring(PREFIX.length());
        }
        return ofPresented(tokenValue);
    }

    /** The hash of a token value a client presented (or any value from a request): always hashed. */
    static String ofPresented(String tokenValue) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tokenValue.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String placeholder(String hash) {
        return PREFIX + hash;
    }
}
