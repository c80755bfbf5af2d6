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

    /**
     * C2: a plaintext seed put in by hand is never used at sign-in (sealed only at start), and the refusal is the
     * bank's fault: no failed attempt is counted.
     */
    @Test
    void checkSecondFactorWhenARowWasPutInWithAPlaintextSeedThenRefusedUntilSealedAtStartAndNoFailureCounted() {
        String id = "staff-byhand-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into staff_account (id, login, display_name, password_hash, totp_secret, roles)"
                + " values (?, ?, '手入力 行員', 'x', ?, '{AUDITOR}')").params(id, id, SEED).update();

        assertThat(accounts.checkSecondFactor(id, Totp.codeAt(SEED, Instant.now()))).isFalse();
        assertThat(storedSeed(id)).as("left for the start to seal").isEqualTo(SEED);
        assertThat(failures(id)).isZero();

        accounts.sealPlaintextSeeds();
        assertThat(storedSeed(id)).isNotEqualTo(SEED).doesNotContain(SEED);
        assertThat(accounts.checkSecondFactor(id, Totp.codeAt(SEED, Instant.now()))).isTrue();
    }

    /** C2: a seed is bound to its account: another account's sealed seed copied into a row opens nowhere. */
    @Test
    void checkSecondFactorWhenASealedSeedWasCopiedFromAnotherAccountThenRefused() {
        StaffMember owner = accounts.ensure("t-own-" + UUID.randomUUID().toString().substring(0, 8), "持主 行員",
                ConsoleMvc.PASSWORD, "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU", EnumSet.of(StaffRole.AUDITOR));
        StaffMember victim = accounts.ensure("t-vic-" + UUID.randomUUID().toString().substring(0, 8), "被害 行員",
                ConsoleMvc.PASSWORD, SEED, EnumSet.of(StaffRole.APPROVER));
        jdbc.sql("update staff_account set totp_secret = ? where id = ?").params(storedSeed(owner.id()), victim.id())
                .update();

        assertThat(accounts.checkSecondFactor(victim.id(),
                Totp.codeAt("KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU", Instant.now()))).isFalse();
        assertThat(failures(victim.id())).isZero();
    }

    /** C2: a seed sealed before seeds were bound to their account is bound at start and goes on working. */
    @Test
    void sealPlaintextSeedsWhenASeedWasSealedWithoutBindingThenItIsBoundAndStillChecksCodes(
            @Autowired org.springframework.core.env.Environment environment) {
        String id = "staff-unbound-" + UUID.randomUUID().toString().substring(0, 8);
        var sealing = jp.kakehashi.shared.SealedSecrets.forPurpose(environment.getProperty(
                "kakehashi.secrets.master-key", ""), java.nio.file.Path.of(environment.getProperty(
                        "kakehashi.secrets.master-key-file", "data/secrets/master.key")), "staff-totp-secret");
        jdbc.sql("insert into staff_account (id, login, display_name, password_hash, totp_secret, totp_sealed, roles)"
                + " values (?, ?, '旧封印 行員', 'x', ?, true, '{AUDITOR}')").params(id, id, sealing.seal(SEED)).update();
        assertThat(accounts.checkSecondFactor(id, Totp.codeAt(SEED, Instant.now()))).as("unbound: refused").isFalse();

        accounts.sealPlaintextSeeds();

        assertThat(storedSeed(id)).startsWith(StaffAccounts.BOUND);
        assertThat(accounts.checkSecondFactor(id, Totp.codeAt(SEED, Instant.now()))).isTrue();
    }

    private int failures(String id) {
        return jdbc.sql("select failed_attempts from staff_account where id = ?").param(id).query(Integer.class)
                .single();
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
