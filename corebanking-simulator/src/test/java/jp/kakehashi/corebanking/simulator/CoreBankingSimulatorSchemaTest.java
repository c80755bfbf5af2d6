package jp.kakehashi.corebanking.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class CoreBankingSimulatorSchemaTest {

    @Test
    void migrateWhenPlatformFlywayRunsInSameDatabaseThenBothKeepTheirOwnHistory() {
        DataSource dataSource = TestDatabase.empty();
        Flyway platform = Flyway.configure().dataSource(dataSource).locations("classpath:db/platformlike").load();

        platform.migrate();
        CoreBankingSimulatorSchema.migrate(dataSource);
        CoreBankingSimulatorSchema.migrate(dataSource);

        assertThat(platform.migrate().migrationsExecuted).isZero();
        assertThat(platform.validateWithResult().validationSuccessful).isTrue();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("select count(*) from public.flyway_schema_history where success").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from corebanking.flyway_corebanking_history where version is not null")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from corebanking.account where kind = 'INTERNAL'").query(Long.class).single())
                .isEqualTo(InternalAccount.values().length);
    }

    @Test
    void migrateWhenSimulatorMigratesFirstThenPlatformStillStartsOnAnEmptyPublicSchema() {
        DataSource dataSource = TestDatabase.empty();

        CoreBankingSimulatorSchema.migrate(dataSource);
        Flyway platform = Flyway.configure().dataSource(dataSource).locations("classpath:db/platformlike").load();

        assertThat(platform.migrate().migrationsExecuted).isEqualTo(1);
    }

    @Test
    void entryWhenUpdatedThenRefusedBecauseTheLedgerIsAppendOnly() {
        DataSource dataSource = TestDatabase.seeded();

        assertThatThrownBy(() -> JdbcClient.create(dataSource).sql("update corebanking.entry set amount = amount + 1")
                .update()).hasMessageContaining("append-only");
    }
}
