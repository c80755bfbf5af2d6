package jp.kakehashi;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The application's password encoder, counting how often it hashes (to check a password or to make a hash): the
 * deterministic stand-in for a timing measurement in the sign-in tests (an attempt that hashes less answers sooner).
 * Only a full-cost hash counts: a check against a hash of another encoding (a cheap {@code {noop}} stand-in for an
 * unknown account, say) answers sooner, so it is not counted.
 */
public final class CountingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final AtomicInteger checks = new AtomicInteger();
    /** The encoding every hash the application makes carries (Spring's default, bcrypt at its default strength). */
    private static final String FULL_COST = "{bcrypt}$2a$10$";

    @Override
    public String encode(CharSequence rawPassword) {
        checks.incrementAndGet();
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (encodedPassword != null && encodedPassword.startsWith(FULL_COST)) {
            checks.incrementAndGet();
        }
        return encoder.matches(rawPassword, encodedPassword);
    }

    /** How many hashes were computed since the last call. */
    public int checksSinceLastCall() {
        return checks.getAndSet(0);
    }
}
