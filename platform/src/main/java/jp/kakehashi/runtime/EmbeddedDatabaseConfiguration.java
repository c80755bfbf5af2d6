package jp.kakehashi.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

/**
 * Starts a PostgreSQL server inside the process when no external database is configured, so that the demo and the
 * tests run the same SQL as production with nothing installed. The data directory is kept across restarts unless
 * {@code kakehashi.embedded-postgres.clean} is set (the tests set it).
 * <p>
 * As in production, two roles (C1, C4): the database {@value EmbeddedDatabaseRoles#DATABASE} and everything in it
 * belong to {@value EmbeddedDatabaseRoles#OWNER}, as whom Flyway migrates; the platform connects as
 * {@value EmbeddedDatabaseRoles#RUNTIME}, which may not change or remove evidence, nor lift the triggers that say so.
 * The server trusts connections from this host (a local run has no password to keep), and the owner's connection
 * is made for the migration only: no pool of the running platform has the owner's rights.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath();
        if (properties.clean()) {
            removeLeftovers(dataDirectory);
        }
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(properties.clean())
                .setPort(properties.port())
                .setServerConfig("max_connections", "200")
                // the embedded server's default trades durability for speed; a commit here must survive a crash as in
                // production (money, audit records), so every commit waits for its WAL to reach the disk
                .setServerConfig("synchronous_commit", "on")
                // Spring closes the server after everything that still writes at shutdown (the audit chainer, the
                // event registry); the library's own JVM hook would race them and cut their connections
                .setRegisterShutdownHook(false)
                .start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory);
        createRoles(postgres);
        return postgres;
    }

    /**
     * A clean directory is removed when the server closes; a run that was killed leaves it behind, and initdb refuses
     * a directory that is not empty. Removed here unless a running server still holds its lock file.
     */
    private static void removeLeftovers(Path dataDirectory) throws IOException {
        Path lock = dataDirectory.resolve("epg-lock");
        if (Files.exists(lock)) {
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE);
                    FileLock held = channel.tryLock()) {
                if (held == null) {
                    throw inUse(dataDirectory);
                }
            }
            catch (OverlappingFileLockException inThisProcess) {
                throw inUse(dataDirectory);
            }
        }
        if (FileSystemUtils.deleteRecursively(dataDirectory)) {
            log.info("Removed the data directory {} left by an earlier run", dataDirectory);
        }
    }

    private static IllegalStateException inUse(Path dataDirectory) {
        return new IllegalStateException("The embedded PostgreSQL data directory " + dataDirectory
                + " is in use by another running server");
    }

    /** The two roles and the owner's database, once per data directory (a kept directory already has them). */
    private static void createRoles(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("""
                    do $$ begin
                        if not exists (select from pg_roles where rolname = '%1$s') then
                            create role %1$s login nosuperuser nocreatedb nocreaterole;
                        end if;
                        if not exists (select from pg_roles where rolname = '%2$s') then
                            create role %2$s login nosuperuser nocreatedb nocreaterole;
                        end if;
                    end $$""".formatted(EmbeddedDatabaseRoles.OWNER, EmbeddedDatabaseRoles.RUNTIME));
            try (var exists = sql.executeQuery("select 1 from pg_database where datname = '"
                    + EmbeddedDatabaseRoles.DATABASE + "'")) {
                if (!exists.next()) {
                    // CREATE DATABASE cannot run in a transaction block, hence outside the DO above
                    sql.execute("create database " + EmbeddedDatabaseRoles.DATABASE + " owner "
                            + EmbeddedDatabaseRoles.OWNER);
                    sql.execute("revoke all on database " + EmbeddedDatabaseRoles.DATABASE + " from public");
                    sql.execute("grant connect, temporary on database " + EmbeddedDatabaseRoles.DATABASE + " to "
                            + EmbeddedDatabaseRoles.RUNTIME);
                }
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not create the embedded database's roles", e);
        }
    }

    /** Flyway (and the migrations that run in its callbacks) connects as the owner. */
    @Bean
    FlywayConfigurationCustomizer ownerMigrates(EmbeddedPostgres postgres) {
        return flyway -> flyway.dataSource(postgres.getDatabase(EmbeddedDatabaseRoles.OWNER,
                EmbeddedDatabaseRoles.DATABASE));
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        var hikari = new com.zaxxer.hikari.HikariDataSource();
        hikari.setJdbcUrl(postgres.getJdbcUrl(EmbeddedDatabaseRoles.RUNTIME, EmbeddedDatabaseRoles.DATABASE));
        hikari.setUsername(EmbeddedDatabaseRoles.RUNTIME);
        hikari.setMaximumPoolSize(20);
        hikari.setPoolName("kakehashi");
        return hikari;
    }
}
