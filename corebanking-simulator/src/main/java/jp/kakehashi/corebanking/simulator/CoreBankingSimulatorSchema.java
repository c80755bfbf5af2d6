package jp.kakehashi.corebanking.simulator;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the simulator's schema. It lives beside the platform's own Flyway in the same database:
 * its own schema {@value #SCHEMA} and its own history table, so neither sees the other's migrations.
 */
public final class CoreBankingSimulatorSchema {

    public static final String SCHEMA = "corebanking";
    static final String HISTORY_TABLE = "flyway_corebanking_history";
    static final String LOCATION = "classpath:db/corebanking";

    private CoreBankingSimulatorSchema() {
    }

    /** Applies pending migrations; safe to call at every start and from several nodes at once (Flyway locks). */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .table(HISTORY_TABLE)
                .locations(LOCATION)
                .load()
                .migrate();
    }
}
