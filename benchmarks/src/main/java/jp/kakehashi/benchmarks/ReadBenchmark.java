package jp.kakehashi.benchmarks;

import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import jp.kakehashi.tpp.ratelimit.RateLimit;
import jp.kakehashi.tpp.ratelimit.TppRateLimits;

/**
 * Issue 3's target: authorised balance reads per second and their p99, side by side with the bare endpoint of the
 * same platform in the same run, reported as ratios (target: reads ≥ 50% of the bare endpoint's throughput).
 * <p>
 * Both loads are closed loops of the same concurrency over the same HTTPS client. An authorised read carries a fresh
 * DPoP proof per request, as a real TPP's does; the proofs are signed before the clock starts, so the client's
 * signing does not slow the server it shares the machine with.
 * <p>
 * Arguments (all optional): seconds per measurement (default 20), concurrency (default 16), warm-up seconds (5).
 */
public final class ReadBenchmark {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\"accountId\"\\s*:\\s*\"([^\"]+)\"");

    private ReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        System.setProperty("kakehashi.benchmark.bare-endpoint", "true");

        RunningPlatform platform = RunningPlatform.get();
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "balances"));
        // the rate limiter stays in the path (its cost is part of the measurement) but must not throttle the load
        platform.bean(TppRateLimits.class).override(tpp.tppId(), new RateLimit(1_000_000, 1_000_000));
        Connection connection = Connection.establish(platform, tpp, "yamada", "openid", "accounts", "balances");
        HttpClient http = HttpClient.newBuilder().sslContext(platform.tls()).version(HttpClient.Version.HTTP_1_1)
                .build();
        URI balances = platform.uri("/v1/accounts/" + firstAccountId(http, platform, tpp, connection) + "/balances");
        URI bare = platform.uri("/benchmark/bare");

        Supplier<HttpRequest> bareRequest = () -> HttpRequest.newBuilder(bare).GET().build();
        LoadResult.of("warm-up bare", Load.run(http, bareRequest, Duration.ofSeconds(warmUp), concurrency));
        LoadResult.of("warm-up read", Load.run(http, proofs(tpp, connection, balances, 2_000), Duration.ofSeconds(warmUp),
                concurrency));

        LoadResult bareResult = LoadResult.of("bare endpoint", Load.run(http, bareRequest,
                Duration.ofSeconds(seconds), concurrency));
        int expected = (int) Math.min(400_000, bareResult.count() * 1.2 + 1_000);
        LoadResult readResult = LoadResult.of("authorised balance read", Load.run(http,
                proofs(tpp, connection, balances, expected), Duration.ofSeconds(seconds), concurrency));

        String report = report(bareResult, readResult, seconds, concurrency);
        System.out.println(report);
        Path file = Path.of("target", "read-benchmark.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.exit(readResult.errors() == 0 ? 0 : 1);
    }

    private static String firstAccountId(HttpClient http, RunningPlatform platform, TestTpp tpp,
            Connection connection) throws Exception {
        URI accounts = platform.uri("/v1/accounts");
        var response = http.send(authorised(tpp, connection.accessToken(), accounts), HttpResponse.BodyHandlers.ofString());
        Matcher matcher = ACCOUNT_ID.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("GET /v1/accounts answered " + response.statusCode() + ": "
                    + response.body());
        }
        return matcher.group(1);
    }

    /** Requests with proofs signed in advance (in parallel); when they run out, new ones are signed on the way. */
    private static Supplier<HttpRequest> proofs(TestTpp tpp, Connection connection, URI uri, int count) {
        var ready = new ConcurrentLinkedQueue<HttpRequest>();
        IntStream.range(0, count).parallel().forEach(i -> ready.add(authorised(tpp, connection.accessToken(), uri)));
        return () -> {
            HttpRequest next = ready.poll();
            return next != null ? next : authorised(tpp, connection.accessToken(), uri);
        };
    }

    private static HttpRequest authorised(TestTpp tpp, DPoPAccessToken token, URI uri) {
        try {
            String proof = tpp.dpop().createDPoPJWT("GET", uri, token).serialize();
            return HttpRequest.newBuilder(uri).GET().header("Authorization", "DPoP " + token.getValue())
                    .header("DPoP", proof).header("Accept", "application/json").build();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String report(LoadResult bare, LoadResult read, int seconds, int concurrency) {
        List<String> lines = new ArrayList<>();
        lines.add("# Read benchmark (" + Instant.now() + ")");
        lines.add("");
        lines.add("Closed loop, " + concurrency + " concurrent clients, " + seconds + " s per measurement, HTTPS, one JVM"
                + " for platform and client, " + Runtime.getRuntime().availableProcessors() + " CPUs.");
        lines.add("");
        lines.add("| endpoint | requests/s | p50 ms | p99 ms | errors |");
        lines.add("| --- | ---: | ---: | ---: | ---: |");
        lines.add(bare.row());
        lines.add(read.row());
        lines.add("");
        lines.add(String.format("Throughput ratio (read / bare): **%.0f%%** (target ≥ 50%%).",
                100.0 * read.perSecond() / bare.perSecond()));
        lines.add(String.format("p99 ratio (read / bare): %.1f×.", read.p99Millis() / bare.p99Millis()));
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }
}
