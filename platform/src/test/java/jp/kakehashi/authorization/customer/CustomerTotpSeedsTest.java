package jp.kakehashi.authorization.customer;

import static org.assertj.core.api.Assertions.assertThat;

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
    void matchingTotpStepWhenTheStoredSeedIsPlaintextThenItIsNeverUsed() {
        String id = customer();
        jdbc.sql("update customer_credential set totp_seed_sealed = ? where customer_id = ?").params(SEED, id).update();

        Instant now = Instant.now();
        assertThat(credentials.matchingTotpStep(id, Totp.codeAt(SEED, now), now)).isEqualTo(-1);
    }

    @Test
    void migrateWhenAnOlderDatabaseHoldsPlaintextSeedsThenTheyAreSealedAndThePlaintextColumnDropped()
            throws Exception {
        String schema = "legacy_" + UUID.randomUUID().toString().substring(0, 8);
        // as Flyway runs it: on the owner role's connection (the runtime role may create nothing)
        try (Connection connection = postgres.getDatabase(EmbeddedDatabaseRoles.OWNER, EmbeddedDatabaseRoles.DATABASE)
                .getConnection()) {
          try {
            connection.createStatement().execute("create schema " + schema);
            connection.createStatement().execute("set search_path to " + schema);
            connection.createStatement().execute("create table customer_credential (customer_id text primary key,"
                    + " totp_secret text)");
            connection.createStatement().execute("insert into customer_credential values ('C1', '" + SEED + "'),"
                    + " ('C2', null)");

            migration.migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });

            var rows = connection.createStatement().executeQuery(
                    "select customer_id, totp_seed_sealed from customer_credential order by customer_id");
            rows.next();
            String sealed = rows.getString(2);
            assertThat(sealed).isNotBlank().doesNotContain(SEED);
            assertThat(seeds.open("C1", sealed)).contains(SEED);
            rows.next();
            assertThat(rows.getString(2)).as("no seed stays none").isNull();
            var columns = connection.createStatement().executeQuery("select column_name from information_schema.columns"
                    + " where table_schema = '" + schema + "' and column_name = 'totp_secret'");
            assertThat(columns.next()).as("the plaintext column is gone").isFalse();
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
}
