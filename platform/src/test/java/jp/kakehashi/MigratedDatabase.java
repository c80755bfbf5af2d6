package jp.kakehashi;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PostgreSQL of its own with the platform's migrations, without the application context, for tests of what a
 * store's SQL does (atomicity across concurrent callers, batches, time arithmetic) in the database the nodes share.
 */
public final class MigratedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final JdbcClient jdbc;

    public MigratedDatabase() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                .migrate();
        jdbc = JdbcClient.create(postgres.getPostgresDatabase());
    }

    public javax.sql.DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
