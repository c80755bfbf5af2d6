package jp.kakehashi.authorization.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
 * B2: a customer's sign-in costs the same whether the login id is unknown, the account locked or the password wrong
 * (one password hash each), so timing tells neither which ids exist nor which are locked. Counted, not timed.
 */
@PlatformTest
class PasswordAuthenticationProviderTest {

    @Autowired
    CustomerCredentials credentials;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    CustomerTotpSeeds seeds;

    private final CountingPasswordEncoder encoder = new CountingPasswordEncoder();

    @Test
    void authenticateWhenUnknownLockedWrongOrRightThenEachHashesThePasswordExactlyOnce() {
        String loginId = "timing-" + UUID.randomUUID().toString().substring(0, 8);
        credentials.upsert("CT-" + loginId, loginId, "時間 試験", "INDIVIDUAL", encoder.encode("right#Password1"), null);
        var provider = new PasswordAuthenticationProvider(credentials, encoder, Clock.systemUTC());
        encoder.checksSinceLastCall();

        assertThatThrownBy(() -> provider.authenticate(attempt("nobody-" + loginId, "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.checksSinceLastCall()).as("unknown login id").isEqualTo(1);

        assertThatThrownBy(() -> provider.authenticate(attempt(loginId, "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.checksSinceLastCall()).as("wrong password").isEqualTo(1);

        assertThat(provider.authenticate(attempt(loginId, "right#Password1")).isAuthenticated()).isTrue();
        assertThat(encoder.checksSinceLastCall()).as("right password").isEqualTo(1);

        jdbc.sql("update customer_credential set locked_until = ? where login_id = ?")
                .params(java.sql.Timestamp.from(Instant.now().plusSeconds(600)), loginId).update();
        assertThatThrownBy(() -> provider.authenticate(attempt(loginId, "wrong")))
                .isInstanceOf(LockedException.class);
        assertThat(encoder.checksSinceLastCall()).as("locked account").isEqualTo(1);
    }

    /**
     * B2: every refused sign-in runs the same statements (before, a wrong password on an existing account ran an
     * UPDATE that an unknown login did not): the database's work does not tell them apart either.
     */
    @Test
    void authenticateWhenUnknownLockedOrWrongThenTheSameStatementsRun() {
        String loginId = "stmts-" + UUID.randomUUID().toString().substring(0, 8);
        String locked = "stmts-locked-" + UUID.randomUUID().toString().substring(0, 8);
        credentials.upsert("CT-" + loginId, loginId, "文 試験", "INDIVIDUAL", encoder.encode("right#Password1"), null);
        credentials.upsert("CT-" + locked, locked, "文 施錠", "INDIVIDUAL", encoder.encode("right#Password1"), null);
        jdbc.sql("update customer_credential set locked_until = ? where login_id = ?")
                .params(java.sql.Timestamp.from(Instant.now().plusSeconds(600)), locked).update();
        var counting = new jp.kakehashi.CountingStatements();
        var provider = new PasswordAuthenticationProvider(new CustomerCredentials(JdbcClient.create(
                counting.wrap(dataSource)), seeds), encoder, Clock.systemUTC());

        assertThatThrownBy(() -> provider.authenticate(attempt("nobody-" + loginId, "wrong")));
        var unknown = counting.sinceLastCall();
        assertThatThrownBy(() -> provider.authenticate(attempt(locked, "wrong")));
        var lockedAccount = counting.sinceLastCall();
        assertThatThrownBy(() -> provider.authenticate(attempt(loginId, "wrong")));
        var wrong = counting.sinceLastCall();

        assertThat(unknown).isEqualTo(List.of("select", "update")).isEqualTo(lockedAccount).isEqualTo(wrong);
        assertThat(jdbc.sql("select failed_attempts from customer_credential where login_id = ?").param(locked)
                .query(Integer.class).single()).as("a locked account's count is left").isZero();
        assertThat(jdbc.sql("select failed_attempts from customer_credential where login_id = ?").param(loginId)
                .query(Integer.class).single()).isEqualTo(1);
    }

    private static UsernamePasswordAuthenticationToken attempt(String loginId, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(loginId, password);
    }
}
