package jp.kakehashi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.shared.Totp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** C2: staff TOTP seeds are stored sealed with the master key, and seeds stored in plaintext before are sealed. */
@PlatformTest
class StaffAccountsTest {

    private static final String SEED = ConsoleMvc.SECRET;

    @Autowired
    StaffAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void ensureWhenAnAccountIsCreatedThenItsSeedIsStoredSealedAndStillChecksCodes() {
        StaffMember member = accounts.ensure("t-seal-" + UUID.randomUUID().toString().substring(0, 8), "封印 試験",
                ConsoleMvc.PASSWORD, SEED, EnumSet.of(StaffRole.AUDITOR));

        String stored = storedSeed(member.id());

        assertThat(stored).isNotEqualTo(SEED).doesNotContain(SEED);
        assertThat(accounts.checkSecondFactor(member.id(), Totp.codeAt(SEED, Instant.now()))).isTrue();
    }

    @Test
    void checkSecondFactorWhenARowWasPutInWithAPlaintextSeedThenItIsSealedBeforeItIsUsed() {
        String id = "staff-byhand-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into staff_account (id, login, display_name, password_hash, totp_secret, roles)"
                + " values (?, ?, '手入力 行員', 'x', ?, '{AUDITOR}')").params(id, id, SEED).update();

        assertThat(accounts.checkSecondFactor(id, Totp.codeAt(SEED, Instant.now()))).isTrue();

        assertThat(storedSeed(id)).isNotEqualTo(SEED).doesNotContain(SEED);
        assertThat(jdbc.sql("select totp_sealed from staff_account where id = ?").param(id).query(Boolean.class)
                .single()).isTrue();
    }

    @Test
    void sealPlaintextSeedsWhenARowPredatesSealingThenItIsSealedAndStillChecksCodes() {
        String id = "staff-legacy-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into staff_account (id, login, display_name, password_hash, totp_secret, roles)"
                + " values (?, ?, '旧 行員', 'x', ?, '{AUDITOR}')").params(id, id, SEED).update();
        accounts.sealPlaintextSeeds();

        assertThat(storedSeed(id)).isNotEqualTo(SEED);
        assertThat(jdbc.sql("select totp_sealed from staff_account where id = ?").param(id).query(Boolean.class)
                .single()).isTrue();
        assertThat(accounts.checkSecondFactor(id, Totp.codeAt(SEED, Instant.now()))).isTrue();
    }

    private String storedSeed(String id) {
        return jdbc.sql("select totp_secret from staff_account where id = ?").param(id).query(String.class).single();
    }
}
