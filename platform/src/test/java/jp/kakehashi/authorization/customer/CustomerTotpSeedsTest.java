package jp.kakehashi.authorization.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.time.Instant;
import java.util.UUID;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.runtime.EmbeddedDatabaseRoles;
import jp.kakehashi.shared.Totp;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * C2: customers' TOTP seeds are sealed at rest, the seeds of an older database are sealed by the migration, and a seed
 * that does not open (a plaintext one written past the application) is never used.
 */
@PlatformTest
class CustomerTotpSeedsTest {

    private static final String SEED = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @Autowired
    CustomerCredentials credentials;
    @Autowired
    SealCustomerTotpSeeds migration;
    @Autowired
    CustomerTotpSeeds seeds;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    org.springframework.core.env.Environment environment;

    @Test
    void upsertWhenACustomerIsProvisionedThenTheSeedIsStoredSealedAndStillChecksCodes() {
        String id = customer();

        String stored = jdbc.sql("select totp_seed_sealed from customer_credential where customer_id = ?").param(id)
                .query(String.class).single();

        assertThat(stored).isNotBlank().doesNotContain(SEED);
        Instant now = Instant.now();
        assertThat(credentials.matchingTotpStep(id, Totp.codeAt(SEED, now), now)).isEqualTo(now.getEpochSecond() / 30);
        assertThat(credentials.byCustomerId(id).orElseThrow().hasTotp()).isTrue();
    }

    @Test
    void schemaWhenMigratedThenNoPlaintextSeedColumnIsLeft() {
        assertThat(jdbc.sql("""
                select column_name from information_schema.columns
                where table_schema = 'public' and table_name = 'customer_credential'""").query(String.class).list())
                .contains("totp_seed_sealed").doesNotContain("totp_secret");
    }

    @Test
    void matchingTotpStepWhenTheStoredSeedIsPlaintextThenItIsNeverUsedAndIsAServerError() {
        String id = customer();
        jdbc.sql("update customer_credential set totp_seed_sealed = ? where customer_id = ?").params(SEED, id).update();

        assertSeedNeverUsed(id);
    }

    /** C2: a seed is bound to its customer: a sealed seed copied from another customer's row opens nowhere. */
    @Test
    void matchingTotpStepWhenTheSeedWasCopiedFromAnotherCustomerThenItIsNeverUsed() {
        String attacker = customer();
        String victim = customer();
        jdbc.sql("update customer_credential set totp_seed_sealed = (select totp_seed_sealed from customer_credential"
                + " where customer_id = ?) where customer_id = ?").params(attacker, victim).update();

        assertSeedNeverUsed(victim);
    }

    /** C2: a seed sealed before seeds were bound to their customer is bound at start and goes on working. */
    @Test
    void bindUnboundSeedsWhenASeedWasSealedWithoutBindingThenItIsBoundAndStillChecksCodes() {
        String id = customer();
        jdbc.sql("update customer_credential set totp_seed_sealed = ? where customer_id = ?")
                .params(unboundSealing().seal(SEED), id).update();

        assertThat(credentials.bindUnboundSeeds()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select totp_seed_sealed from customer_credential where customer_id = ?").param(id)
                .query(String.class).single()).startsWith(CustomerTotpSeeds.BOUND);
        Instant now = Instant.now();
        assertThat(credentials.matchingTotpStep(id, Totp.codeAt(SEED, now), now)).isEqualTo(now.getEpochSecond() / 30);
    }

    /**
     * C2: the migration refuses to seal anything when this node's master key does not open the secrets the database
     * already holds (a node started without the cluster's key would otherwise seal every seed under a fresh key and
     * drop the plaintext): the plaintext column stays.
     */
    @Test
    void migrateWhenTheMasterKeyDoesNotOpenTheDatabasesSigningKeyThenRefusedAndNothingChanged() throws Exception {
        inLegacySchema("('C1', '" + SEED + "')", (connection, schema) -> {
            connection.createStatement().execute("create table signing_key (kid text, jwk_encrypted text,"
                    + " created_at timestamptz default now())");
            // sealed under another master key: 12 bytes of IV and a ciphertext this node's key does not open
            connection.createStatement().execute("insert into signing_key (kid, jwk_encrypted) values ('k', '"
                    + java.util.Base64.getEncoder().encodeToString(new byte[60]) + "')");

            assertThatThrownBy(() -> migration.migrate(context(connection)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("master key");

            var columns = connection.createStatement().executeQuery("select column_name from"
                    + " information_schema.columns where table_schema = '" + schema + "'"
                    + " and table_name = 'customer_credential' and column_name = 'totp_secret'");
            assertThat(columns.next()).as("the plaintext column is still there").isTrue();
        });
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }

    private jp.kakehashi.shared.SealedSecrets unboundSealing() {
        return jp.kakehashi.shared.SealedSecrets.forPurpose(environment.getProperty("kakehashi.secrets.master-key", ""),
                java.nio.file.Path.of(environment.getProperty("kakehashi.secrets.master-key-file",
                        "data/secrets/master.key")), "customer-totp-secret");
    }

    @Test
    void migrateWhenAnOlderDatabaseHoldsPlaintextSeedsThenTheyAreSealedAndThePlaintextColumnDropped()
            throws Exception {
        inLegacySchema("('C1', '" + SEED + "'), ('C2', null)", (connection, schema) -> {
            migration.migrate(context(connection));

            var rows = connection.createStatement().executeQuery(
                    "select customer_id, totp_seed_sealed from customer_credential order by customer_id");
            rows.next();
            String sealed = rows.getString(2);
            assertThat(sealed).isNotBlank().doesNotContain(SEED);
            assertThat(seeds.open("C1", sealed)).isEqualTo(SEED);
            rows.next();
            assertThat(rows.getString(2)).as("no seed stays none").isNull();
            var columns = connection.createStatement().executeQuery("select column_name from information_schema.columns"
                    + " where table_schema = '" + schema + "' and column_name = 'totp_secret'");
            assertThat(columns.next()).as("the plaintext column is gone").isFalse();
        });
    }

    /** What a test does on a connection in its own schema. */
    @FunctionalInterface
    private interface InSchema {
        void run(Connection connection, String schema) throws Exception;
    }

    /**
     * Runs the work in a schema of its own holding the table as it was before seeds were sealed, with these rows
     * ({@code (customer_id, totp_secret)} values), dropped afterwards; as Flyway runs a migration, on the owner role's
     * connection (the runtime role may create nothing).
     */
    private void inLegacySchema(String rows, InSchema work) throws Exception {
        String schema = "legacy_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = postgres.getDatabase(EmbeddedDatabaseRoles.OWNER, EmbeddedDatabaseRoles.DATABASE)
                .getConnection()) {
            try {
                connection.createStatement().execute("create schema " + schema);
                connection.createStatement().execute("set search_path to " + schema);
                connection.createStatement().execute("create table customer_credential (customer_id text primary key,"
                        + " totp_secret text)");
                connection.createStatement().execute("insert into customer_credential values " + rows);
                work.run(connection, schema);
            }
            finally {
                connection.createStatement().execute("set search_path to public");
                connection.createStatement().execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private String customer() {
        String id = "CS-" + UUID.randomUUID().toString().substring(0, 8);
        credentials.upsert(id, id, "封印 試験", "INDIVIDUAL", "{noop}x", SEED);
        return id;
    }

    /** Even the right code for the customer's seed is refused as a server error: the stored seed is never used. */
    private void assertSeedNeverUsed(String customerId) {
        Instant now = Instant.now();
        assertThatThrownBy(() -> credentials.matchingTotpStep(customerId, Totp.codeAt(SEED, now), now))
                .isInstanceOf(UnusableTotpSeed.class);
    }
}
