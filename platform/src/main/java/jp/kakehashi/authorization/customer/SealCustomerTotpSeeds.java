package jp.kakehashi.authorization.customer;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V22_1 (C2): seals the customers' TOTP seeds stored in plaintext and drops the plaintext column. A
 * SQL migration cannot do it (it has no master key), which is why the staff seeds were left to the application's next
 * start (V16_6) and used in plaintext until then; as a Java migration, which Spring Boot hands to Flyway as a bean, it
 * runs with the master key inside the migration's transaction, so no plaintext seed survives the upgrade and none can
 * be read afterwards: the only column left, {@code totp_seed_sealed}, opens only through {@link CustomerTotpSeeds}.
 * Before sealing anything it checks that the master key opens the signing key the database holds, so a node without
 * the cluster's key refuses the migration instead of sealing every seed under a key of its own.
 */
@Component
class SealCustomerTotpSeeds implements JavaMigration {

    private final CustomerTotpSeeds seeds;

    SealCustomerTotpSeeds(CustomerTotpSeeds seeds) {
        this.seeds = seeds;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("22.1");
    }

    @Override
    public String getDescription() {
        return "customer totp seeds sealed";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        // C2: a node without the cluster's master key would seal every seed under a fresh key and drop the plaintext
        // in the same transaction, losing every seed: the key must open what the database already holds sealed
        String sample = jp.kakehashi.authorization.keys.SealedSamples.signingKey(connection);
        if (sample != null) {
            seeds.requireMasterKeyOpens(sample, "the signing key in signing_key");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table customer_credential add column totp_seed_sealed text");
            Map<String, String> plaintext = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery(
                    "select customer_id, totp_secret from customer_credential where totp_secret is not null")) {
                while (rows.next()) {
                    plaintext.put(rows.getString(1), rows.getString(2));
                }
            }
            try (var update = connection.prepareStatement(
                    "update customer_credential set totp_seed_sealed = ? where customer_id = ?")) {
                for (var seed : plaintext.entrySet()) {
                    update.setString(1, seeds.seal(seed.getKey(), seed.getValue()));
                    update.setString(2, seed.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
            statement.execute("alter table customer_credential drop column totp_secret");
        }
    }
}
