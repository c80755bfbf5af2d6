package jp.kakehashi;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import jp.kakehashi.runtime.EmbeddedDatabaseRoles;
import jp.kakehashi.runtime.RuntimeRoleGrants;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A PostgreSQL of its own with the platform's migrations, without the application context, for tests of what a
 * store's SQL does (atomicity across concurrent callers, batches, time arithmetic, the evidence tables' rules) in the
 * database the nodes share. As in production (C1, C4) the migrations run as the owner and {@link #jdbc()} connects
 * as the runtime role with the rights {@link RuntimeRoleGrants} gives it; {@link #owner()} is the owner, for what
 * only an insider could do.
 */
public final class MigratedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final DataSource runtime;
    private final DataSource owner;
    private final JdbcClient jdbc;

    public MigratedDatabase() {
        this(null);
    }

    /** Migrated up to {@code target} only (a version), or fully when null. */
    public MigratedDatabase(String target) {
        try {
            postgres = EmbeddedPostgres.builder().start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        createRoles(postgres.getPostgresDatabase());
        owner = postgres.getDatabase(EmbeddedDatabaseRoles.OWNER, EmbeddedDatabaseRoles.DATABASE);
        runtime = postgres.getDatabase(EmbeddedDatabaseRoles.RUNTIME, EmbeddedDatabaseRoles.DATABASE);
        migrate(target);
        jdbc = JdbcClient.create(runtime);
    }

    /** Runs the migrations (up to {@code target}, or all when null) as the owner, then gives the runtime role its rights. */
    public void migrate(String target) {
        var flyway = Flyway.configure().dataSource(owner).locations("classpath:db/migration")
                .callbacks(new RuntimeRoleGrants(runtime));
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    /** The runtime role's connections, as the platform's. */
    public JdbcClient jdbc() {
        return jdbc;
    }

    public DataSource runtime() {
        return runtime;
    }

    /** The owner of every table: the migrations' role, and an insider's. */
    public DataSource owner() {
        return owner;
    }

    public TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(runtime));
    }

    /** Runs SQL as the owner with a table's triggers lifted, in one transaction: what an insider could do. */
    public void asOwnerWithoutTriggers(String table, String sql, Object... params) {
        var ownerJdbc = JdbcClient.create(owner);
        new TransactionTemplate(new DataSourceTransactionManager(owner)).executeWithoutResult(tx -> {
            ownerJdbc.sql("alter table " + table + " disable trigger user").update();
            ownerJdbc.sql(sql).params(params).update();
            ownerJdbc.sql("alter table " + table + " enable trigger user").update();
        });
    }

    private static void createRoles(DataSource superuser) {
        try (Connection connection = superuser.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create role " + EmbeddedDatabaseRoles.OWNER + " login");
            sql.execute("create role " + EmbeddedDatabaseRoles.RUNTIME + " login");
            sql.execute("create database " + EmbeddedDatabaseRoles.DATABASE + " owner " + EmbeddedDatabaseRoles.OWNER);
            sql.execute("revoke all on database " + EmbeddedDatabaseRoles.DATABASE + " from public");
            sql.execute("grant connect, temporary on database " + EmbeddedDatabaseRoles.DATABASE + " to "
                    + EmbeddedDatabaseRoles.RUNTIME);
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database's roles", e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
