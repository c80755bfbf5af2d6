package jp.kakehashi;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The application's password encoder, counting how often it hashes (to check a password or to make a hash): the
 * deterministic stand-in for a timing measurement in the sign-in tests (an attempt that hashes less answers sooner).
 */
public final class CountingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final AtomicInteger checks = new AtomicInteger();

    @Override
    public String encode(CharSequence rawPassword) {
        checks.incrementAndGet();
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        checks.incrementAndGet();
        return encoder.matches(rawPassword, encodedPassword);
    }

    /** How many hashes were computed since the last call. */
    public int checksSinceLastCall() {
        return checks.getAndSet(0);
    }
}
