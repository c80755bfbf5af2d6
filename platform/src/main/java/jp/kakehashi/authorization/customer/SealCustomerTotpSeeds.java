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
                    update.setString(1, seeds.seal(seed.getValue()));
                    update.setString(2, seed.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
            statement.execute("alter table customer_credential drop column totp_secret");
        }
    }
}
