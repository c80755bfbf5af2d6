package jp.kakehashi.systemtests.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The platform in a JVM of its own, so that a test can kill it the way a crash would (SIGKILL: no shutdown hook, no
 * rollback but the database's own) and start it again, for the crash test of the payment API (TransferCrashTest). The
 * database is the bank's external one, owned by the test ({@code spring.datasource.url}), so it outlives the process.
 * <p>
 * Every start uses the same port, issuer, TLS keystore, master key and demo TPP key, all under {@code home}, so what
 * a TPP holds (the bank's certificate, its registration, its tokens) stays valid across a restart. The demo TPP's
 * redirect URI is {@link TestTpp#REDIRECT_URI}, so {@link TestTpp#forClient} can act as it. Each start writes its
 * output to a log file of its own under {@code home}, for diagnosis.
 * <p>
 * Several of them are the nodes of a bank behind a load balancer ({@link ProductionTopology}, B7, C1, F4, B8): the
 * {@link #builder} names the files they share, the balancer's URL as their issuer and the database role they use.
 */
public final class PlatformProcess implements AutoCloseable {

    /** The demo TPP and its client, registered by the platform's demo data at first start. */
    public static final String DEMO_TPP = "tpp-demo-fintech";
    public static final String DEMO_CLIENT = "demo-kakeibo";

    // nodes starting together on a busy 2-core machine (ProductionTopologyTest) were seen to need 80 s
    private static final Duration READY_WITHIN = Duration.ofSeconds(180);

    private final Path home;
    private final Path files;
    private final int port;
    private final int managementPort;
    private final String jdbcUrl;
    private final String databaseUser;
    private final String databasePassword;
    private final List<String> extraArguments;
    private final URI issuer;
    private final Thread killAtExit = new Thread(this::destroy, "kill-platform-process");
    private volatile Process process;
    private Reaper reaper;
    private Path log;
    private int starts;
    private RunningPlatform view;

    private PlatformProcess(Builder settings) throws IOException {
        this.home = settings.home.toAbsolutePath();
        this.files = settings.files == null ? home : settings.files.toAbsolutePath();
        this.jdbcUrl = settings.jdbcUrl;
        this.databaseUser = settings.databaseUser;
        this.databasePassword = settings.databasePassword;
        this.extraArguments = List.copyOf(settings.arguments);
        this.port = freePort();
        this.managementPort = freePort();
        this.issuer = settings.issuer != null ? settings.issuer : URI.create("https://localhost:" + port);
        // a test JVM ended from outside (e.g. by surefire's timeout) must not leave a platform behind
        Runtime.getRuntime().addShutdownHook(killAtExit);
    }

    /**
     * Starts the platform on the PostgreSQL at {@code jdbcUrl} (user postgres) with its files under {@code home}, and
     * waits until it is ready; {@code extraArguments} are further {@code --name=value} settings.
     */
    public static PlatformProcess start(Path home, String jdbcUrl, String... extraArguments) throws Exception {
        return builder(home, jdbcUrl).arguments(extraArguments).start();
    }

    /** Settings for a platform with its log under {@code home} on the PostgreSQL at {@code jdbcUrl}. */
    public static Builder builder(Path home, String jdbcUrl) {
        return new Builder(home, jdbcUrl);
    }

    /** How to start a platform process; by default as {@link #start(Path, String, String...)} does. */
    public static final class Builder {

        private final Path home;
        private final String jdbcUrl;
        private Path files;
        private String databaseUser = "postgres";
        private String databasePassword;
        private URI issuer;
        private final List<String> arguments = new ArrayList<>();

        private Builder(Path home, String jdbcUrl) {
            this.home = home;
            this.jdbcUrl = jdbcUrl;
        }

        /**
         * Where the TLS keystore, master key and demo TPP key are (made there by the first node that starts), when
         * several nodes share them; by default {@code home}.
         */
        public Builder sharedFiles(Path files) {
            this.files = files;
            return this;
        }

        public Builder databaseUser(String user, String password) {
            this.databaseUser = user;
            this.databasePassword = password;
            return this;
        }

        /** The issuer when it is not the node's own URL, e.g. the load balancer's. */
        public Builder issuer(URI issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Further {@code --name=value} settings. */
        public Builder arguments(String... arguments) {
            this.arguments.addAll(List.of(arguments));
            return this;
        }

        /** The process, not started yet: {@link PlatformProcess#start()} starts it. */
        public PlatformProcess create() throws IOException {
            return new PlatformProcess(this);
        }

        /** Starts the platform and waits until it is ready. */
        public PlatformProcess start() throws Exception {
            PlatformProcess platform = create();
            platform.start();
            return platform;
        }
    }

    /** Starts the platform again (or for the first time) and waits until it accepts traffic. */
    public synchronized void start() throws Exception {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the platform is running already");
        }
        starts++;
        log = home.resolve("platform-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                // C1 only: the platform starts several times in one test on a busy 2-core machine, and a crash test
                // measures no speed
                "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "jp.kakehashi.KakehashiApplication",
                "--spring.profiles.active=demo",
                "--server.port=" + port,
                "--kakehashi.issuer=" + issuer,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + databaseUser,
                "--spring.datasource.hikari.maximum-pool-size=20",
                "--kakehashi.tls.keystore=" + files.resolve("tls/localhost.p12"),
                "--kakehashi.secrets.master-key-file=" + files.resolve("secrets/master.key"),
                "--kakehashi.demo.tpp-key-file=" + files.resolve("demo-tpp/private-jwks.json"),
                "--kakehashi.demo.redirect-uri=" + TestTpp.REDIRECT_URI,
                "--kakehashi.mtls.trusted-ca-file=" + files.resolve("mtls/tpp-cas.pem"),
                "--management.server.port=" + managementPort));
        if (databasePassword != null) {
            command.add("--spring.datasource.password=" + databasePassword);
        }
        command.addAll(extraArguments);
        Files.createDirectories(home);
        process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        // the shutdown hook does not run when this JVM is killed; the reaper does its work then
        reaper = Reaper.onExit("kill -KILL " + process.pid());
        awaitReady();
        if (view == null) {
            // the keystore exists only once the platform made it at its first start
            view = RunningPlatform.inAnotherProcess(issuer, files);
        }
    }

    /**
     * Waits for the readiness probe: it turns UP after the application runners (demo data) have run, unlike the
     * HTTPS port, which opens before them.
     */
    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform stopped while starting (exit " + process.exitValue()
                        + "); its output is in " + log + ":\n" + tail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(readiness)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // the management port is not open yet
            }
            // the one condition to wait for is the child's readiness, which no event of this JVM signals
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        destroy();
        throw new IllegalStateException("the platform was not ready within " + READY_WITHIN + "; its output is in "
                + log + ":\n" + tail());
    }

    /** Kills the platform at once (SIGKILL), as a crash of its machine would, and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the platform process did not end after SIGKILL");
        }
        reaper.disarm();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The platform as the support classes for TPPs and customers see it: issuer, URIs and its TLS certificate. */
    public RunningPlatform view() {
        return view;
    }

    public URI issuer() {
        return issuer;
    }

    /** The node's own HTTPS port (the issuer may be a load balancer's). */
    public int port() {
        return port;
    }

    /** The management port: health probes, metrics and the other actuator endpoints, plain HTTP on 127.0.0.1. */
    public int managementPort() {
        return managementPort;
    }

    public Path home() {
        return home;
    }

    /** The output of the current (or last) start. */
    public Path log() {
        return log;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
        catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private void destroy() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (reaper != null) {
            reaper.disarm();
        }
    }

    /** Kills the platform if it still runs. */
    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(killAtExit);
        }
        catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
