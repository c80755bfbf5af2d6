package jp.kakehashi.runtime;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its data; port 0 picks a free one.
 *
 * @param dataDirectory the cluster's folder, kept across restarts
 * @param clean         whether to wipe it at start (tests)
 * @param port          the port, 0 for any free one
 */
@ConfigurationProperties("kakehashi.embedded-postgres")
record EmbeddedPostgresProperties(
        @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("false") boolean clean,
        @DefaultValue("0") int port) {
}
