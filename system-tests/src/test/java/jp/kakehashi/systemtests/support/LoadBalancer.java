package jp.kakehashi.systemtests.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The bank's load balancer: Debian's HAProxy with a configuration the test generates, in front of the platform's
 * nodes as a bank runs them. It terminates TLS with the platform's own certificate (so clients trust the same one),
 * re-encrypts to the nodes, adds {@code X-Forwarded-For} ({@code option forwardfor}), sends requests round-robin to
 * the nodes whose readiness probe (management port, {@code /actuator/health/readiness}) answers 200, and connects
 * to the nodes from a source address of its own, so that the nodes can trust exactly it as their proxy.
 * <p>
 * A request with {@value #NODE_HEADER}{@code : n} goes to node n (1-based) instead, with the same URL: for tests
 * that must show what another node does with the same request (a DPoP proof names the balancer's URL in
 * {@code htu}). The header is removed before the request reaches the node.
 */
public final class LoadBalancer implements AutoCloseable {

    public static final String NODE_HEADER = "X-Test-Node";
    /** The address HAProxy connects to the nodes from; the nodes trust it as their proxy. */
    public static final String SOURCE_ADDRESS = "127.0.0.2";

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final Duration HEALTH_WITHIN = Duration.ofSeconds(30);

    /** A node behind the balancer: its HTTPS port and its management port (health probes). */
    public record Node(int port, int managementPort) {
    }

    private final Process process;
    private final Reaper reaper;
    private final int port;
    private final int statsPort;
    private final Path log;
    private final HttpClient stats = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private LoadBalancer(Process process, Reaper reaper, int port, int statsPort, Path log) {
        this.process = process;
        this.reaper = reaper;
        this.port = port;
        this.statsPort = statsPort;
        this.log = log;
    }

    /**
     * Starts HAProxy on {@code port} of 127.0.0.1 before {@code nodes}, serving the certificate and key of the
     * platform's PKCS#12 {@code keystore}, with its configuration and output in {@code directory}; returns once every
     * node is up behind it.
     */
    public static LoadBalancer start(Path directory, int port, Path keystore, List<Node> nodes) throws Exception {
        if (!Files.isExecutable(HAPROXY)) {
            throw new IllegalStateException("the production topology tests need Debian's HAProxy (" + HAPROXY
                    + "), which is not installed: apt-get install haproxy");
        }
        Files.createDirectories(directory);
        Path certificate = directory.resolve("balancer.pem");
        writePem(keystore, certificate);
        int statsPort = freePort();
        Path configuration = directory.resolve("haproxy.cfg");
        Files.writeString(configuration, configuration(port, statsPort, certificate, nodes));
        Path log = directory.resolve("haproxy.log");
        Process check = new ProcessBuilder(HAPROXY.toString(), "-c", "-f", configuration.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            throw new IllegalStateException("HAProxy refused its configuration " + configuration + ":\n"
                    + Files.readString(log));
        }
        // in the foreground (-db), as a child of this JVM; the reaper kills it should this JVM be killed
        Process process = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", configuration.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LoadBalancer balancer = new LoadBalancer(process, Reaper.onExit("kill -KILL " + process.pid()), port,
                statsPort, log);
        try {
            for (int node = 1; node <= nodes.size(); node++) {
                balancer.awaitUp(node);
            }
            return balancer;
        }
        catch (RuntimeException | Error e) {
            balancer.close();
            throw e;
        }
    }

    private static String configuration(int port, int statsPort, Path certificate, List<Node> nodes) {
        StringBuilder config = new StringBuilder("""
                global
                    maxconn 2000

                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    timeout check 2s
                    # a connection refused by a dead node is tried again on another one; a request that reached a
                    # node is never sent twice by the balancer: the client retries with its Idempotency-Key
                    retries 2
                    retry-on conn-failure
                    option redispatch
                    option httpchk
                    http-check send meth GET uri /actuator/health/readiness
                    http-check expect status 200
                    default-server ssl verify none check no-check-ssl inter 500 fastinter 250 downinter 500 rise 2 fall 2 source %s

                frontend bank
                    bind 127.0.0.1:%d ssl crt %s alpn http/1.1
                    option forwardfor
                    http-request set-var(txn.node) req.hdr(%s)
                    http-request del-header %s
                """.formatted(SOURCE_ADDRESS, port, certificate, NODE_HEADER, NODE_HEADER));
        for (int node = 1; node <= nodes.size(); node++) {
            config.append("    use_backend node-%d if { var(txn.node) -m str %d }\n".formatted(node, node));
        }
        config.append("    default_backend nodes\n\nbackend nodes\n    balance roundrobin\n");
        for (int node = 1; node <= nodes.size(); node++) {
            config.append(server(node, nodes.get(node - 1)));
        }
        for (int node = 1; node <= nodes.size(); node++) {
            config.append("\nbackend node-%d\n".formatted(node)).append(server(node, nodes.get(node - 1)));
        }
        config.append("""

                frontend stats
                    bind 127.0.0.1:%d
                    stats enable
                    stats uri /stats
                """.formatted(statsPort));
        return config.toString();
    }

    private static String server(int number, Node node) {
        return "    server node-%d 127.0.0.1:%d port %d\n".formatted(number, node.port(), node.managementPort());
    }

    /** The balancer's public URL: the issuer of every node. */
    public URI uri() {
        return URI.create("https://localhost:" + port);
    }

    /** Waits until HAProxy's health checks put node {@code node} (1-based) into the round-robin. */
    public void awaitUp(int node) {
        awaitStatus(node, "UP");
    }

    /** Waits until HAProxy's health checks took node {@code node} out of the round-robin. */
    public void awaitDown(int node) {
        awaitStatus(node, "DOWN");
    }

    private void awaitStatus(int node, String status) {
        Awaitility.await("node-" + node + " " + status + " behind the balancer").atMost(HEALTH_WITHIN)
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> status.equals(statuses().get("node-" + node)));
    }

    /**
     * Each node's status in the round-robin backend, as HAProxy's statistics page reports it: "UP", "DOWN", or e.g.
     * "UP 1/2" while a change is being confirmed.
     */
    public Map<String, String> statuses() throws Exception {
        return roundRobinColumn("status");
    }

    /** How many requests node {@code node} (1-based) is serving for the round-robin backend right now. */
    public int requestsInFlight(int node) throws Exception {
        return Integer.parseInt(roundRobinColumn("scur").get("node-" + node));
    }

    private Map<String, String> roundRobinColumn(String column) throws Exception {
        if (!process.isAlive()) {
            throw new IllegalStateException("HAProxy stopped (exit " + process.exitValue() + "):\n"
                    + Files.readString(log));
        }
        String csv = stats.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> lines = csv.lines().toList();
        List<String> header = Arrays.asList(lines.getFirst().replaceFirst("^# ", "").split(","));
        int proxy = header.indexOf("pxname");
        int server = header.indexOf("svname");
        int wanted = header.indexOf(column);
        Map<String, String> values = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            if (fields.length > wanted && "nodes".equals(fields[proxy]) && fields[server].startsWith("node-")) {
                values.put(fields[server], fields[wanted]);
            }
        }
        return values;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reaper.disarm();
    }

    /** The platform's certificate and private key as the PEM file HAProxy serves. */
    private static void writePem(Path keystore, Path pem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "kakehashi-local".toCharArray());
        }
        Certificate certificate = store.getCertificate("kakehashi");
        Key key = store.getKey("kakehashi", "kakehashi-local".toCharArray());
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes());
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + base64.encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\n" + base64.encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
