package jp.kakehashi.authorization.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import jp.kakehashi.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * C2: at start, as soon as the data source exists, a node whose master key does not open the signing key the database
 * holds (no key at all, or another one) refuses to start, and makes no key of its own; a new database needs none yet.
 */
class MasterKeyGuardTest {

    private static final MigratedDatabase database = new MigratedDatabase();
    private static final byte[] CLUSTER_KEY = new byte[32];

    static {
        CLUSTER_KEY[31] = 42;
    }

    @TempDir
    Path home;

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @Test
    void postProcessWhenTheDatabaseHoldsASigningKeyThenOnlyTheClustersMasterKeyStarts() {
        Path keyFile = home.resolve("secrets/master.key");
        javax.sql.DataSource dataSource = database.runtime();
        assertThat(guard("", keyFile).postProcessAfterInitialization(dataSource, "dataSource"))
                .as("a new database: nothing sealed yet").isSameAs(dataSource);
        String cluster = Base64.getEncoder().encodeToString(CLUSTER_KEY);
        new SigningKeys(database.jdbc(), new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource)),
                new ServerSecrets(cluster, keyFile));

        assertThatThrownBy(() -> guard("", keyFile).postProcessAfterInitialization(dataSource, "ds"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KAKEHASHI_SECRETS_MASTER_KEY");
        assertThat(keyFile).as("no key of its own was made").doesNotExist();
        assertThatThrownBy(() -> guard(Base64.getEncoder().encodeToString(new byte[32]), keyFile)
                .postProcessAfterInitialization(dataSource, "ds"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not the key");
        assertThat(guard(cluster, keyFile).postProcessAfterInitialization(dataSource, "ds"))
                .isSameAs(dataSource);
    }

    private static MasterKeyGuard guard(String masterKey, Path keyFile) {
        return new MasterKeyGuard(new MockEnvironment().withProperty("kakehashi.secrets.master-key", masterKey)
                .withProperty("kakehashi.secrets.master-key-file", keyFile.toString()));
    }
}
