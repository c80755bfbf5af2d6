package jp.kakehashi.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
        Instant now = clock.instant();
        // one SELECT, one password hash and one UPDATE for every refused attempt (no account, locked or wrong
        // password), so neither timing nor the database's load tells which addresses have an account or which are
        // locked; the UPDATE counts a failure only for an existing, unlocked account, and touches no row otherwise
        Optional<Object[]> account = jdbc.sql("select password_hash, locked_until from portal_account where email = ?")
                .param(email).query((rs, row) -> new Object[] {rs.getString(1), rs.getTimestamp(2)}).optional();
        boolean matches = passwords.matches(String.valueOf(authentication.getCredentials()),
                account.map(row -> (String) row[0]).orElse(dummyHash));
        boolean locked = account.map(row -> row[1] != null && ((Timestamp) row[1]).toInstant().isAfter(now))
                .orElse(false);
        if (account.isEmpty() || locked || !matches) {
            jdbc.sql("""
                    update portal_account set failed_attempts = failed_attempts + 1,
                           locked_until = case when failed_attempts + 1 >= ? then ? else locked_until end
                    where email = ? and not coalesce(locked_until > ?, false)""")
                    .params(MAX_FAILURES, Timestamp.from(now.plus(LOCKOUT)), email, Timestamp.from(now)).update();
            throw locked ? new LockedException("locked") : new BadCredentialsException("bad credentials");
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
}
