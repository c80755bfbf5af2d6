package jp.kakehashi.systemtests.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import jp.kakehashi.KakehashiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform as a bank would run it, started once per test JVM: HTTPS on a free port, its own embedded
 * PostgreSQL in a fresh folder, demo data. Tests talk to it over HTTPS, like a TPP or a browser would; they reach
 * into the application context only for set-up and the bank's own records ({@link #bean}).
 */
public final class RunningPlatform {

    private static RunningPlatform instance;

    private final ConfigurableApplicationContext context;
    private final URI issuer;
    private final SSLContext tls;
    private final Path home;
    private final TestCertificateAuthority tppCa;
    private final int demoFintechPort;

    private RunningPlatform(ConfigurableApplicationContext context, URI issuer, SSLContext tls, Path home,
            TestCertificateAuthority tppCa, int demoFintechPort) {
        this.tppCa = tppCa;
        this.demoFintechPort = demoFintechPort;
        this.context = context;
        this.issuer = issuer;
        this.tls = tls;
        this.home = home;
    }

    public static synchronized RunningPlatform get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static RunningPlatform start() {
        try {
            Path home = Files.createTempDirectory(Path.of("target"), "platform-");
            int port = freePort();
            TestCertificateAuthority tppCa = TestCertificateAuthority.create("CN=Test TPP CA, O=Kakehashi tests");
            tppCa.writePem(home.resolve("mtls/tpp-cas.pem"));
            URI issuer = URI.create("https://localhost:" + port);
            // the demo FinTech app's port is chosen now, because the bank registers the demo TPP's redirect URI at start
            int demoFintechPort = freePort();
            Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                    "server.port", port,
                    "kakehashi.issuer", issuer.toString(),
                    "kakehashi.embedded-postgres.data-directory", home.resolve("postgres").toString(),
                    "kakehashi.embedded-postgres.clean", true,
                    "kakehashi.tls.keystore", home.resolve("tls/localhost.p12").toString(),
                    "kakehashi.secrets.master-key-file", home.resolve("secrets/master.key").toString(),
                    "kakehashi.demo.tpp-key-file", home.resolve("demo-tpp/private-jwks.json").toString(),
                    "kakehashi.mtls.trusted-ca-file", home.resolve("mtls/tpp-cas.pem").toString(),
                    "logging.level.root", "WARN",
                    "logging.level.org.springframework.security", System.getProperty("platform.security.log", "WARN")));
            properties.put("kakehashi.audit.checkpoint-directory", home.resolve("audit-checkpoints").toString());
            properties.put("kakehashi.demo.redirect-uri", "https://localhost:" + demoFintechPort + "/callback");
            // the tests make hundreds of transfers an hour for one demo customer through one client, far beyond the
            // fraud rule on transfer frequency (unit-tested in TransferRiskPolicyTest); its other rules stay on
            properties.put("kakehashi.risk.transfers.per-hour-confirm", 0);
            // customer notices (B10) go to a real SMTP server of the tests
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", TestMailbox.get().port());
            // a free management port, so test JVMs and a running demo on this machine never collide
            properties.put("management.server.port", 0);
            // command-line arguments, because builder properties would only be defaults under application.yml
            String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(KakehashiApplication.class)
                    .profiles("demo").run(arguments);
            // Spring Boot's own shutdown hook closes the context (and the embedded database after it) at JVM exit
            return new RunningPlatform(context, issuer, trusting(home.resolve("tls/localhost.p12")), home, tppCa,
                    demoFintechPort);
        }
        catch (Exception e) {
            throw new IllegalStateException("the platform did not start", e);
        }
    }

    /**
     * A platform that another process runs (the crash test's child JVM) on {@code issuer}, with its files under
     * {@code home}: reached over HTTPS only, trusting the certificate it made there; {@link #bean} is not available.
     */
    public static RunningPlatform inAnotherProcess(URI issuer, Path home) {
        try {
            return new RunningPlatform(null, issuer, trusting(home.resolve("tls/localhost.p12")), home, null, 0);
        }
        catch (Exception e) {
            throw new IllegalStateException("cannot trust the certificate of the platform in " + home, e);
        }
    }

    /**
     * A platform whose nodes run in other processes behind a load balancer at {@code issuer}, sharing the files under
     * {@code files}: reached over HTTPS only, trusting the certificate they made there; {@link #bean} answers from
     * {@code backOffice}, the bank's own tools on the shared database ({@link BackOffice}).
     */
    public static RunningPlatform behindLoadBalancer(URI issuer, Path files,
            ConfigurableApplicationContext backOffice) {
        try {
            return new RunningPlatform(backOffice, issuer, trusting(files.resolve("tls/localhost.p12")), files, null, 0);
        }
        catch (Exception e) {
            throw new IllegalStateException("cannot trust the certificate of the platform in " + files, e);
        }
    }

    /** Trusts exactly the certificate the platform made for itself, nothing else. */
    private static SSLContext trusting(Path keystore) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers(keystore), null);
        return context;
    }

    private static javax.net.ssl.TrustManager[] trustManagers(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "kakehashi-local".toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("kakehashi", store.getCertificate("kakehashi"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        return factory.getTrustManagers();
    }

    /** A TLS context with a client certificate for {@code subjectDn} from the CA the platform trusts for TPPs. */
    public SSLContext clientCertificateContext(String subjectDn) {
        try {
            return tppCa.clientContext(subjectDn, tls, trustManagers(home.resolve("tls/localhost.p12")));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public URI issuer() {
        return issuer;
    }

    public URI uri(String path) {
        return issuer.resolve(path);
    }

    public SSLContext tls() {
        return tls;
    }

    public Path home() {
        return home;
    }

    /** The port the demo FinTech app must listen on: the demo TPP's redirect URI at this bank names it. */
    public int demoFintechPort() {
        return demoFintechPort;
    }

    /**
     * A component of the running platform, for what a test cannot do as a user: registering a test TPP or customer
     * as the bank's staff would, setting up what has no screen or API (a clock moved on, a row made stale), or
     * checking the bank's own records whose point is that nobody outside reads them (hash chains, the audit trail).
     * Results a user can see are read as the user would: through {@code /v1} ({@link ApiClient},
     * {@link AccountBalances}), the grant management endpoint, the customer's pages ({@link CustomerAgent}) or the
     * console and portal in a browser ({@link BrowserExtension}).
     */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }
}
