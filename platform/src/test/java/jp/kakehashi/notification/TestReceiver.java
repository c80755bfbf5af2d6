package jp.kakehashi.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A TPP's or another bank's HTTP endpoint in the test JVM: records every POST (path, content type, body) and answers
 * 200 on {@code /webhook…}, 503 to the first two on {@code /flaky…} and 200 after, 500 with a body on
 * {@code /chatty…}, and 202 elsewhere, as RFC 8935
 * receivers do.
 */
public final class TestReceiver {

    public record Received(String path, String contentType, String body, String signature) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public TestReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body,
                    exchange.getRequestHeaders().getFirst("Kakehashi-Signature")));
            String path = exchange.getRequestURI().getPath();
            // a flaky receiver fails its first two deliveries, as a TPP's server might while it restarts
            boolean failing = path.startsWith("/flaky") && received.stream().filter(r -> r.path().equals(path))
                    .count() <= 2;
            if (path.startsWith("/chatty")) {
                // an internal service would answer with what it holds: the bank must not keep or show it
                byte[] secret = "{\"AccessKeyId\":\"internal-secret\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, secret.length);
                exchange.getResponseBody().write(secret);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(failing ? 503 : path.startsWith("/webhook") || path.startsWith("/flaky")
                    ? 200 : 202, -1);
            exchange.close();
        });
        server.start();
    }

    public long count(String path) {
        return received.stream().filter(r -> r.path().equals(path)).count();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Waits (up to 10 s) for a POST that matches. */
    public Received await(Predicate<Received> wanted) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> received.stream().filter(wanted).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }
}
