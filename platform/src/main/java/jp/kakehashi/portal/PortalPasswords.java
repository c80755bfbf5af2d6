package jp.kakehashi.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The portal's sign-in check: mail address and password, locked for {@link #LOCKOUT} after {@link #MAX_FAILURES}
 * wrong passwords in a row, so a portal account (which can stop its TPP's service) cannot be guessed at leisure.
 * Not a bean: only the portal's chain uses it.
 */
final class PortalPasswords implements AuthenticationProvider {

    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(30);

    private final JdbcClient jdbc;
    private final PortalAccounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    /** A hash of a password nobody has, checked for unknown addresses; made by the encoder, so it costs the same. */
    private final String dummyHash;

    PortalPasswords(JdbcClient jdbc, PortalAccounts accounts, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
        this.dummyHash = passwords.encode("no portal account has this password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = PortalAccounts.normalised(authentication.getName());
        Optional<PortalAccount> account = accounts.find(email);
        // exactly one password hash for every attempt (no account, locked or wrong password), so timing does not tell
        // which addresses have an account or which accounts are locked
        boolean matches = passwords.matches(String.valueOf(authentication.getCredentials()),
                account.map(PortalAccount::passwordHash).orElse(dummyHash));
        if (account.isEmpty()) {
            throw new BadCredentialsException("bad credentials");
        }
        if (lockedNow(email)) {
            throw new LockedException("locked");
        }
        if (!matches) {
            jdbc.sql("""
                    update portal_account set failed_attempts = failed_attempts + 1,
                           locked_until = case when failed_attempts + 1 >= ? then ? else locked_until end
                    where email = ?""").params(MAX_FAILURES, Timestamp.from(clock.instant().plus(LOCKOUT)), email)
                    .update();
            throw new BadCredentialsException("bad credentials");
        }
        jdbc.sql("update portal_account set failed_attempts = 0, locked_until = null where email = ?").param(email)
                .update();
        return UsernamePasswordAuthenticationToken.authenticated(email, null,
                AuthorityUtils.createAuthorityList("ROLE_" + PortalSecurity.ROLE));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private boolean lockedNow(String email) {
        return jdbc.sql("select locked_until from portal_account where email = ?").param(email)
                .query((rs, row) -> rs.getTimestamp(1)).optional()
                .map(until -> until != null && until.toInstant().isAfter(clock.instant())).orElse(false);
    }
}
