package jp.kakehashi.systemtests.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import jp.kakehashi.KakehashiApplication;
import jp.kakehashi.runtime.EmbeddedDatabaseRoles;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second node of the platform, as a bank runs several behind a load balancer: the same database, the same issuer
 * (the load balancer's URL), the same master key and TLS certificate, its own port and its own memory. Whatever one
 * node knows that the other cannot see would break a flow that alternates between them.
 */
public final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private SecondNode(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    public static SecondNode start(RunningPlatform first) throws IOException {
        return start(first, Map.of());
    }

    /** A second node with settings of its own on top, e.g. {@code kakehashi.network.trusted-proxies}. */
    public static SecondNode start(RunningPlatform first, Map<String, Object> settings) throws IOException {
        int port = freePort();
        Path home = first.home();
        // the first node's database with its two roles: the platform runs as the runtime role, Flyway as the owner
        String database = first.bean(EmbeddedPostgres.class).getJdbcUrl(EmbeddedDatabaseRoles.RUNTIME,
                EmbeddedDatabaseRoles.DATABASE);
        Map<String, Object> properties = Map.ofEntries(
                Map.entry("server.port", port),
                Map.entry("kakehashi.issuer", first.issuer().toString()),
                Map.entry("spring.datasource.url", database),
                Map.entry("spring.datasource.username", EmbeddedDatabaseRoles.RUNTIME),
                Map.entry("spring.flyway.user", EmbeddedDatabaseRoles.OWNER),
                Map.entry("kakehashi.tls.keystore", home.resolve("tls/localhost.p12").toString()),
                Map.entry("kakehashi.secrets.master-key-file", home.resolve("secrets/master.key").toString()),
                // the nodes share the checkpoint directory, as production nodes share one write-once mount
                Map.entry("kakehashi.audit.checkpoint-directory", home.resolve("audit-checkpoints").toString()),
                Map.entry("kakehashi.mtls.trusted-ca-file", home.resolve("mtls/tpp-cas.pem").toString()),
                Map.entry("management.server.port", 0),
                Map.entry("logging.level.root", "WARN"));
        var all = new java.util.HashMap<>(properties);
        all.putAll(settings);
        String[] arguments = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SecondNode(new SpringApplicationBuilder(KakehashiApplication.class).run(arguments), port);
    }

    public int port() {
        return port;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
