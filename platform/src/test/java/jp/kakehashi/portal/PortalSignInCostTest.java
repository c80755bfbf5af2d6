package jp.kakehashi.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import jp.kakehashi.CountingPasswordEncoder;
import jp.kakehashi.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * A1: a portal sign-in costs exactly one password hash whether the address has no account, the account is locked or
 * the password is wrong, so timing tells neither which TPP staff have accounts nor which are locked.
 */
@PlatformTest
class PortalSignInCostTest {

    @Autowired
    PortalAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    private final CountingPasswordEncoder encoder = new CountingPasswordEncoder();

    @Test
    void authenticateWhenNoAccountLockedWrongOrRightThenEachHashesThePasswordExactlyOnce() {
        String email = "cost-" + UUID.randomUUID().toString().substring(0, 8) + "@tpp.example.jp";
        accounts.open(email, encoder.encode("Right#Portal2026"), Instant.now());
        var provider = new PortalPasswords(jdbc, accounts, encoder, Clock.systemUTC());
        encoder.checksSinceLastCall();

        assertThatThrownBy(() -> provider.authenticate(attempt("nobody-" + email, "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.checksSinceLastCall()).as("no account").isEqualTo(1);
        assertThatThrownBy(() -> provider.authenticate(attempt(email, "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.checksSinceLastCall()).as("wrong password").isEqualTo(1);
        assertThat(provider.authenticate(attempt(email, "Right#Portal2026")).isAuthenticated()).isTrue();
        assertThat(encoder.checksSinceLastCall()).as("right password").isEqualTo(1);

        jdbc.sql("update portal_account set locked_until = ? where email = ?")
                .params(Timestamp.from(Instant.now().plusSeconds(600)), email).update();
        assertThatThrownBy(() -> provider.authenticate(attempt(email, "Right#Portal2026")))
                .isInstanceOf(LockedException.class);
        assertThat(encoder.checksSinceLastCall()).as("locked account").isEqualTo(1);
    }

    /**
     * A1: every refused sign-in runs the same statements (before, an existing account ran an extra SELECT for its
     * lock and a wrong password an UPDATE, which an address without an account did not).
     */
    @Test
    void authenticateWhenNoAccountLockedOrWrongThenTheSameStatementsRun(@Autowired javax.sql.DataSource dataSource) {
        String email = "stmts-" + UUID.randomUUID().toString().substring(0, 8) + "@tpp.example.jp";
        String locked = "stmts-locked-" + UUID.randomUUID().toString().substring(0, 8) + "@tpp.example.jp";
        accounts.open(email, encoder.encode("Right#Portal2026"), Instant.now());
        accounts.open(locked, encoder.encode("Right#Portal2026"), Instant.now());
        jdbc.sql("update portal_account set locked_until = ? where email = ?")
                .params(Timestamp.from(Instant.now().plusSeconds(600)), locked).update();
        var counting = new jp.kakehashi.CountingStatements();
        var provider = new PortalPasswords(JdbcClient.create(counting.wrap(dataSource)), accounts, encoder,
                Clock.systemUTC());

        assertThatThrownBy(() -> provider.authenticate(attempt("nobody-" + email, "wrong")));
        var none = counting.sinceLastCall();
        assertThatThrownBy(() -> provider.authenticate(attempt(locked, "wrong")))
                .isInstanceOf(LockedException.class);
        var lockedAccount = counting.sinceLastCall();
        assertThatThrownBy(() -> provider.authenticate(attempt(email, "wrong")));
        var wrong = counting.sinceLastCall();

        assertThat(none).isEqualTo(java.util.List.of("select", "update")).isEqualTo(lockedAccount).isEqualTo(wrong);
    }

    private static UsernamePasswordAuthenticationToken attempt(String email, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(email, password);
    }
}
