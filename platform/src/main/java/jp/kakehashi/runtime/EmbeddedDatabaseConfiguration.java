package jp.kakehashi.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a PostgreSQL server inside the process when no external database is configured, so that the demo and the
 * tests run the same SQL as production with nothing installed. The data directory is kept across restarts unless
 * {@code kakehashi.embedded-postgres.clean} is set (the tests set it).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath();
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
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        var hikari = new com.zaxxer.hikari.HikariDataSource();
        hikari.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        hikari.setUsername("postgres");
        hikari.setMaximumPoolSize(20);
        hikari.setPoolName("kakehashi");
        return hikari;
    }
}
