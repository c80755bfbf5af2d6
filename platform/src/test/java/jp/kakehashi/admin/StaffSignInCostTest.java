package jp.kakehashi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import jp.kakehashi.CountingPasswordEncoder;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.shared.SealedSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * C4: the console's first factor costs exactly one password hash whether the login is unknown, inactive, locked or
 * the password wrong, so timing tells nothing about the bank's staff accounts. Counted, not timed.
 */
@PlatformTest
class StaffSignInCostTest {

    @Autowired
    JdbcClient jdbc;

    private final CountingPasswordEncoder encoder = new CountingPasswordEncoder();

    @Test
    void checkPasswordWhenUnknownInactiveLockedWrongOrRightThenEachHashesThePasswordExactlyOnce() {
        var accounts = new StaffAccounts(jdbc, encoder, Clock.systemUTC(),
                SealedSecrets.forPurpose(java.util.Base64.getEncoder().encodeToString(new byte[32]), null, "test"));
        String login = "t-cost-" + UUID.randomUUID().toString().substring(0, 8);
        StaffMember member = accounts.ensure(login, "費用 試験", ConsoleMvc.PASSWORD, ConsoleMvc.SECRET,
                EnumSet.of(StaffRole.AUDITOR));
        encoder.checksSinceLastCall();

        assertThat(accounts.checkPassword("nobody-" + login, "wrong")).isEmpty();
        assertThat(encoder.checksSinceLastCall()).as("unknown login").isEqualTo(1);
        assertThat(accounts.checkPassword(login, "wrong")).isEmpty();
        assertThat(encoder.checksSinceLastCall()).as("wrong password").isEqualTo(1);
        assertThat(accounts.checkPassword(login, ConsoleMvc.PASSWORD)).isPresent();
        assertThat(encoder.checksSinceLastCall()).as("right password").isEqualTo(1);

        jdbc.sql("update staff_account set locked_until = ? where id = ?")
                .params(Timestamp.from(Instant.now().plusSeconds(600)), member.id()).update();
        assertThat(accounts.checkPassword(login, ConsoleMvc.PASSWORD)).isEmpty();
        assertThat(encoder.checksSinceLastCall()).as("locked account").isEqualTo(1);

        jdbc.sql("update staff_account set locked_until = null, active = false where id = ?").param(member.id())
                .update();
        assertThat(accounts.checkPassword(login, ConsoleMvc.PASSWORD)).isEmpty();
        assertThat(encoder.checksSinceLastCall()).as("inactive account").isEqualTo(1);
    }

    /**
     * C4: every refused first factor runs the same statements (before, only a wrong password on an active, unlocked
     * account ran an UPDATE).
     */
    @Test
    void checkPasswordWhenUnknownInactiveLockedOrWrongThenTheSameStatementsRun(
            @org.springframework.beans.factory.annotation.Autowired javax.sql.DataSource dataSource) {
        var counting = new jp.kakehashi.CountingStatements();
        var accounts = new StaffAccounts(JdbcClient.create(counting.wrap(dataSource)), encoder, Clock.systemUTC(),
                SealedSecrets.forPurpose(java.util.Base64.getEncoder().encodeToString(new byte[32]), null, "test"));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        StaffMember wrong = accounts.ensure("t-st-w-" + suffix, "文 誤", ConsoleMvc.PASSWORD, ConsoleMvc.SECRET,
                EnumSet.of(StaffRole.AUDITOR));
        StaffMember locked = accounts.ensure("t-st-l-" + suffix, "文 錠", ConsoleMvc.PASSWORD, ConsoleMvc.SECRET,
                EnumSet.of(StaffRole.AUDITOR));
        StaffMember inactive = accounts.ensure("t-st-i-" + suffix, "文 停", ConsoleMvc.PASSWORD, ConsoleMvc.SECRET,
                EnumSet.of(StaffRole.AUDITOR));
        jdbc.sql("update staff_account set locked_until = ? where id = ?")
                .params(Timestamp.from(Instant.now().plusSeconds(600)), locked.id()).update();
        jdbc.sql("update staff_account set active = false where id = ?").param(inactive.id()).update();
        counting.sinceLastCall();

        accounts.checkPassword("nobody-" + suffix, "wrong");
        var unknown = counting.sinceLastCall();
        accounts.checkPassword(locked.login(), "wrong");
        var lockedAccount = counting.sinceLastCall();
        accounts.checkPassword(inactive.login(), "wrong");
        var inactiveAccount = counting.sinceLastCall();
        accounts.checkPassword(wrong.login(), "wrong");
        var wrongPassword = counting.sinceLastCall();

        assertThat(unknown).isEqualTo(java.util.List.of("select", "update")).isEqualTo(lockedAccount)
                .isEqualTo(inactiveAccount).isEqualTo(wrongPassword);
    }
}
