package jp.kakehashi.audit;

import java.io.IOException;
import javax.sql.DataSource;
import jp.kakehashi.MigratedDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The execution log on a PostgreSQL of its own with the platform's migrations, without the application context: the
 * chain's rules are PostgreSQL's and this package's, nothing else's. The log is written and chained as the runtime
 * role, as the platform does (C1); only {@link #tamper} acts as the owner.
 */
final class ExecutionLogDatabase implements AutoCloseable {

    final MigratedDatabase database;
    final DataSource dataSource;
    final JdbcClient jdbc;
    final ExecutionLogRecords records;

    ExecutionLogDatabase() {
        database = new MigratedDatabase();
        dataSource = database.runtime();
        jdbc = database.jdbc();
        records = new ExecutionLogRecords(jdbc);
    }

    /** A chainer as one node runs it. */
    ExecutionLogChain chain(int batchSize) {
        return new ExecutionLogChain(records, jdbc, new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), batchSize);
    }

    /** Runs SQL with the append-only triggers off, as an attacker with the table owner's rights could. */
    void tamper(String sql, Object... params) {
        database.asOwnerWithoutTriggers("api_execution_log", sql, params);
    }

    @Override
    public void close() throws IOException {
        database.close();
    }
}
