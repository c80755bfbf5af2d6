package jp.kakehashi.corebanking;

import java.time.Clock;
import javax.sql.DataSource;
import jp.kakehashi.corebanking.simulator.CoreBankingDemoData;
import jp.kakehashi.corebanking.simulator.CoreBankingSimulatorSchema;
import jp.kakehashi.corebanking.simulator.SimulatedCoreBanking;
import jp.kakehashi.corebanking.spi.CoreBanking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The simulated core system (the default): its ledger lives in the {@code corebanking} schema of the platform's
 * database, migrated at start with the platform's own migrations (as the owner role Flyway connects as, never as
 * the role the platform runs as); the demo profile seeds the demo customers' accounts and their history, idempotently,
 * so a restart keeps what was done in the demo.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kakehashi.core-banking.adapter", havingValue = "simulator", matchIfMissing = true)
class SimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SimulatorConfiguration.class);

    /**
     * Migrates the ledger's schema right after the platform's migrations, on Flyway's (the owner's) connection, so
     * the runtime role's rights are given after it (runtime.RuntimeRoleGrants runs last) and cover its tables.
     */
    @Bean
    @org.springframework.core.annotation.Order(0)
    Callback coreBankingSchema() {
        return new Callback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.AFTER_MIGRATE;
            }

            @Override
            public boolean canHandleInTransaction(Event event, Context context) {
                return false;
            }

            @Override
            public void handle(Event event, Context context) {
                CoreBankingSimulatorSchema.migrate(context.getConfiguration().getDataSource());
            }

            @Override
            public String getCallbackName() {
                return "corebanking-simulator-schema";
            }
        };
    }

    @Bean
    CoreBanking simulatedCoreBanking(DataSource dataSource, Clock clock) {
        log.info("Core banking: the simulator (schema corebanking); set kakehashi.core-banking.adapter for a real core");
        return new SimulatedCoreBanking(dataSource, clock);
    }

    @Bean
    @Profile("demo")
    ApplicationRunner coreBankingDemoData(DataSource dataSource, Clock clock, CoreBanking simulator) {
        // depends on the simulator bean so that the schema is migrated before seeding
        return arguments -> CoreBankingDemoData.seed(dataSource, clock);
    }
}
