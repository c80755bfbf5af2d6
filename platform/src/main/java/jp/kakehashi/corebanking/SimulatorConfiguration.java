package jp.kakehashi.corebanking;

import java.time.Clock;
import javax.sql.DataSource;
import jp.kakehashi.corebanking.simulator.CoreBankingDemoData;
import jp.kakehashi.corebanking.simulator.CoreBankingSimulatorSchema;
import jp.kakehashi.corebanking.simulator.SimulatedCoreBanking;
import jp.kakehashi.corebanking.spi.CoreBanking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The simulated core system (the default): its ledger lives in the {@code corebanking} schema of the platform's
 * database, migrated at start; the demo profile seeds the demo customers' accounts and their history, idempotently,
 * so a restart keeps what was done in the demo.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kakehashi.core-banking.adapter", havingValue = "simulator", matchIfMissing = true)
class SimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SimulatorConfiguration.class);

    @Bean
    CoreBanking simulatedCoreBanking(DataSource dataSource, Clock clock) {
        CoreBankingSimulatorSchema.migrate(dataSource);
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
