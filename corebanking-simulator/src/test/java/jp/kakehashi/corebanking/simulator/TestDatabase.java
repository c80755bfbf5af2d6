package jp.kakehashi.corebanking.simulator;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** One embedded PostgreSQL per test JVM, a fresh database per test, so tests never see each other's money. */
final class TestDatabase {

    /** Monday 2026-03-16 10:00 in Japan. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-16T01:00:00Z"), ZoneOffset.UTC);

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    /** An empty database, nothing migrated. */
    static synchronized DataSource empty() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::close));
            }
            String name = "test_" + DATABASES.incrementAndGet();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create database " + name);
            }
            return postgres.getDatabase("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A database with the simulator's schema. */
    static DataSource migrated() {
        DataSource dataSource = empty();
        CoreBankingSimulatorSchema.migrate(dataSource);
        return dataSource;
    }

    /** A database with the schema and the demo data anchored at {@link #CLOCK}. */
    static DataSource seeded() {
        DataSource dataSource = migrated();
        CoreBankingDemoData.seed(dataSource, CLOCK);
        return dataSource;
    }

    private static void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // the JVM is exiting; the temporary cluster goes with it
        }
    }
}
