package jp.kakehashi.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The execution log on a PostgreSQL of its own with the platform's migrations, without the application context: the
 * chain's rules are PostgreSQL's and this package's, nothing else's.
 */
final class ExecutionLogDatabase implements AutoCloseable {

    final EmbeddedPostgres postgres;
    final DataSource dataSource;
    final JdbcClient jdbc;
    final ExecutionLogRecords records;

    ExecutionLogDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        records = new ExecutionLogRecords(jdbc);
    }

    /** A chainer as one node runs it. */
    ExecutionLogChain chain(int batchSize) {
        return new ExecutionLogChain(records, jdbc, new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), batchSize);
    }

    /** Runs SQL with the append-only triggers off, as an attacker with the table owner's rights could. */
    void tamper(String sql, Object... params) {
        jdbc.sql("alter table api_execution_log disable trigger user").update();
        try {
            jdbc.sql(sql).params(params).update();
        }
        finally {
            jdbc.sql("alter table api_execution_log enable trigger user").update();
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
