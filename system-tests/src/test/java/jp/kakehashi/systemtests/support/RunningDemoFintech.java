package jp.kakehashi.systemtests.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.demofintech.kakeibo.KakeiboApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo TPP's app かけいぼ Plus, started once per test JVM next to the {@link RunningPlatform}: on the port the bank
 * registered its redirect URI for, with the client key the bank's demo profile wrote, trusting exactly the bank's
 * certificate. It reaches the bank only over HTTPS, as it would on another machine.
 */
public final class RunningDemoFintech {

    private static RunningDemoFintech instance;

    private final ConfigurableApplicationContext context;
    private final URI base;

    private RunningDemoFintech(ConfigurableApplicationContext context, URI base) {
        this.context = context;
        this.base = base;
    }

    public static synchronized RunningDemoFintech get(RunningPlatform platform) {
        if (instance == null) {
            instance = start(platform);
        }
        return instance;
    }

    private static RunningDemoFintech start(RunningPlatform platform) {
        int port = platform.demoFintechPort();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", port);
        properties.put("kakeibo.bank.issuer", platform.issuer());
        properties.put("kakeibo.bank.client-key-file", platform.home().resolve("demo-tpp/private-jwks.json"));
        properties.put("kakeibo.bank.trust-store", platform.home().resolve("tls/localhost.p12"));
        properties.put("kakeibo.tls.keystore", platform.home().resolve("demo-fintech/tls/localhost.p12"));
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.jp.demofintech", System.getProperty("demo-fintech.log", "WARN"));
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = KakeiboApplication.builder().run(arguments);
        return new RunningDemoFintech(context, URI.create("https://localhost:" + port));
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }
}
