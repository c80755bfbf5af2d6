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
    private static final String SEEDED_TEMPLATE = "seeded_template";
    private static EmbeddedPostgres postgres;
    private static boolean seededTemplate;

    private TestDatabase() {
    }

    /** An empty database, nothing migrated. */
    static DataSource empty() {
        return create("template0");
    }

    /** A database with the simulator's schema. */
    static DataSource migrated() {
        DataSource dataSource = empty();
        CoreBankingSimulatorSchema.migrate(dataSource);
        return dataSource;
    }

    /**
     * A database with the schema and the demo data anchored at {@link #CLOCK}: a copy of a template seeded once,
     * which is much faster than migrating and seeding each time.
     */
    static synchronized DataSource seeded() {
        if (!seededTemplate) {
            DataSource template = create("template0", SEEDED_TEMPLATE);
            CoreBankingSimulatorSchema.migrate(template);
            CoreBankingDemoData.seed(template, CLOCK);
            seededTemplate = true;
        }
        return create(SEEDED_TEMPLATE);
    }

    private static DataSource create(String template) {
        return create(template, "test_" + DATABASES.incrementAndGet());
    }

    private static synchronized DataSource create(String template, String name) {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::close));
            }
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create database " + name + " template " + template);
            }
            return postgres.getDatabase("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // the JVM is exiting; the temporary cluster goes with it
        }
    }
}
