package jp.kakehashi.authorization.customer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first factor: login id and password, with lockout after repeated failures (B2). An unknown login id gets
 * the same answer as a wrong password, and every refused attempt (unknown, locked or wrong) costs exactly one SELECT,
 * one password hash and one UPDATE, so neither login ids nor locked accounts can be told apart by timing.
 */
@Component
public class PasswordAuthenticationProvider implements AuthenticationProvider {

    static final int LOCK_THRESHOLD = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(30);

    private final CustomerCredentials credentials;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final String dummyHash;

    PasswordAuthenticationProvider(CustomerCredentials credentials, PasswordEncoder passwordEncoder, Clock clock) {
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode("unused-password-for-timing");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String loginId = String.valueOf(authentication.getName()).trim();
        String password = String.valueOf(authentication.getCredentials());
        var now = clock.instant();
        var credential = credentials.byLoginId(loginId);
        // one password hash for every attempt, whatever the account: an unknown login id or a locked account must
        // not answer sooner than a wrong password, or the time tells which ids exist and which are locked
        boolean matches = passwordEncoder.matches(password,
                credential.map(CustomerCredential::passwordHash).orElse(dummyHash));
        boolean locked = credential.map(found -> found.isLockedAt(now)).orElse(false);
        if (credential.isEmpty() || locked || !matches) {
            // one UPDATE on every refused path too, touching no row for an unknown or locked account, so the
            // database's work does not tell them from a wrong password either
            credentials.recordPasswordFailure(loginId, LOCK_THRESHOLD, LOCK_DURATION, now);
            throw locked ? new LockedException("locked") : new BadCredentialsException("bad credentials");
        }
        CustomerCredential customer = credential.get();
        credentials.recordSuccess(customer.customerId());
        return new CustomerAuthentication(customer.customerId(), customer.loginId(), customer.displayName(),
                customer.segment(), AuthenticationLevel.PASSWORD, List.of("pwd"), now);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
