package jp.kakehashi.authorization.keys;

import java.security.SecureRandom;
import java.util.Base64;

/** {@link ServerSecrets} under a fresh random master key, for unit tests of what derives values from it. */
public final class TestServerSecrets {

    private TestServerSecrets() {
    }

    /** Secrets under a new random 256-bit master key; no file is read or written. */
    public static ServerSecrets random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new ServerSecrets(Base64.getEncoder().encodeToString(key), null);
    }
}
