package jp.kakehashi.systemtests.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kakehashi as a bank runs it in production: several stateless nodes ({@link PlatformProcess}, each a JVM of its
 * own) on one external PostgreSQL ({@link ExternalPostgres}), behind a load balancer that terminates TLS
 * ({@link LoadBalancer}, HAProxy), with the balancer's URL as every node's issuer. The nodes share the master key,
 * the TLS keystore and the demo TPP's key; the first node starts alone (it migrates the schema, makes those files
 * and seeds the demo data), the others after it.
 * <p>
 * Tests act as users would, through the balancer: {@link #platform()} is what TPPs and customers see. The bank's
 * database is the test's own, so it reads the ledger and registers test TPPs and customers as the bank's staff would
 * ({@link BackOffice}). Everything is stopped by {@link #close()}, and by reapers should the test JVM be killed.
 */
public final class ProductionTopology implements AutoCloseable {

    private final Path home;
    private final ExternalPostgres database;
    private final List<PlatformProcess> nodes = new ArrayList<>();
    private LoadBalancer balancer;
    private ConfigurableApplicationContext backOffice;
    private RunningPlatform platform;

    private ProductionTopology(Path home, ExternalPostgres database) {
        this.home = home;
        this.database = database;
    }

    /**
     * Starts PostgreSQL, {@code size} nodes with {@code nodeArguments} ({@code --name=value}) besides the
     * topology's own settings, and the balancer in front of them; returns once every node is in the balancer's
     * round-robin.
     */
    public static ProductionTopology start(int size, String... nodeArguments) throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "topology-").toAbsolutePath();
        System.out.println("production topology: files and logs in " + home);
        ProductionTopology topology = new ProductionTopology(home, ExternalPostgres.start());
        try {
            topology.startNodesAndBalancer(size, nodeArguments);
            return topology;
        }
        catch (Exception | Error e) {
            topology.close();
            throw e;
        }
    }

    private void startNodesAndBalancer(int size, String... nodeArguments) throws Exception {
        int balancerPort = freePort();
        URI issuer = URI.create("https://localhost:" + balancerPort);
        Path shared = home.resolve("shared");
        for (int node = 1; node <= size; node++) {
            nodes.add(PlatformProcess.builder(home.resolve("node-" + node), database.jdbcUrl()).sharedFiles(shared)
                    .issuer(issuer).databaseUser(database.runtime().name(), database.runtime().password())
                    .arguments(topologyArguments(size).toArray(String[]::new)).arguments(nodeArguments).create());
        }
        nodes.getFirst().start();
        // the others together: they find the schema, the keys and the demo data in place
        try (ExecutorService starting = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> started = new ArrayList<>();
            for (PlatformProcess node : nodes.subList(1, size)) {
                started.add(starting.submit(() -> {
                    node.start();
                    return null;
                }));
            }
            for (Future<?> node : started) {
                node.get();
            }
        }
        balancer = LoadBalancer.start(home.resolve("balancer"), balancerPort, shared.resolve("tls/localhost.p12"),
                nodes.stream().map(node -> new LoadBalancer.Node(node.port(), node.managementPort())).toList());
        backOffice = BackOffice.on(database.dataSource(), shared.resolve("secrets/master.key"));
        platform = RunningPlatform.behindLoadBalancer(issuer, shared, backOffice);
    }

    private List<String> topologyArguments(int size) {
        List<String> arguments = new ArrayList<>(List.of(
                // the balancer is the one proxy the nodes trust for X-Forwarded-For (B7 source addresses, F4 per-IP
                // limits, C1 the client's address in the execution log); anything else is the client itself
                "--kakehashi.network.trusted-proxies=" + LoadBalancer.SOURCE_ADDRESS + "/32",
                // C1: one checkpoint directory for all nodes, as the production section asks of a shared write-once
                // mount, and checkpoints and verifications often enough for a test to see them follow the traffic
                "--kakehashi.audit.checkpoint-directory=" + home.resolve("shared/audit-checkpoints"),
                "--kakehashi.audit.checkpoint-interval=2s",
                "--kakehashi.audit.verification-interval=1s"));
        // migrations run as the owner role; the nodes serve as the runtime role, which cannot change evidence (C1, C4)
        arguments.add("--spring.flyway.user=" + database.owner().name());
        arguments.add("--spring.flyway.password=" + database.owner().password());
        return arguments;
    }

    /** The bank as TPPs and customers see it: the balancer's URL, the platform's certificate. */
    public RunningPlatform platform() {
        return platform;
    }

    public LoadBalancer balancer() {
        return balancer;
    }

    /** Node {@code number}, 1-based as {@link LoadBalancer#NODE_HEADER} names it. */
    public PlatformProcess node(int number) {
        return nodes.get(number - 1);
    }

    public int size() {
        return nodes.size();
    }

    /** The numbers of the nodes that are running. */
    public List<Integer> runningNodes() {
        return IntStream.rangeClosed(1, nodes.size()).filter(number -> node(number).isRunning()).boxed().toList();
    }

    /** Node {@code number}'s management port (plain HTTP, this host only) with {@code path}. */
    public URI management(int number, String path) {
        return URI.create("http://127.0.0.1:" + node(number).managementPort() + path);
    }

    /** The bank's database, as its staff and its reconciliation read it. */
    public DataSource database() {
        return backOffice.getBean(DataSource.class);
    }

    public JdbcClient jdbc() {
        return backOffice.getBean(JdbcClient.class);
    }

    public CoreLedger ledger() {
        return new CoreLedger(database());
    }

    public Path home() {
        return home;
    }

    /** Stops the balancer, the nodes and the database, each even if another one could not be stopped. */
    @Override
    public void close() {
        if (balancer != null) {
            balancer.close();
        }
        nodes.forEach(PlatformProcess::close);
        if (backOffice != null) {
            backOffice.close();
        }
        database.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
