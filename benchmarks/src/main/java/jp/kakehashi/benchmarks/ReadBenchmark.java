package jp.kakehashi.benchmarks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
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
 * The read API's performance target (docs/requirements.md): authorised balance reads per second and their p99, side by
 * side with the bare endpoint of the same platform in the same run, reported as ratios (target: reads ≥ 50% of the bare
 * endpoint's throughput).
 * <p>
 * Both loads are closed loops of the same concurrency over the same HTTPS client. An authorised read carries a fresh
 * DPoP proof per request, as a real TPP's does; the proofs are signed before the clock starts, so the client's
 * signing does not slow the server it shares the machine with.
 * <p>
 * Arguments (all optional): seconds per measurement (default 20, at most 30), concurrency (default 16), warm-up
 * seconds (5).
 */
public final class ReadBenchmark {

    private static final Duration PROOF_DATE_AHEAD = Duration.ofSeconds(10);
    private static final Duration MAX_SIGNING = Duration.ofSeconds(20);
    private static final int PILOT = 200;
    private static final Pattern ACCOUNT_ID = Pattern.compile("\"accountId\"\\s*:\\s*\"([^\"]+)\"");

    private ReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(Math.min(30, args.length > 0 ? Integer.parseInt(args[0]) : 20),
                args.length > 1 ? Integer.parseInt(args[1]) : 16, args.length > 2 ? Integer.parseInt(args[2]) : 5)
                ? 0 : 1);
    }

    /** Runs the measurements, writes the report; true when no read failed. */
    static boolean run(int seconds, int concurrency, int warmUp) throws Exception {
        System.setProperty("kakehashi.benchmark.bare-endpoint", "true");

        RunningPlatform platform = RunningPlatform.get();
        HttpClient http = HttpClient.newBuilder().sslContext(platform.tls()).version(HttpClient.Version.HTTP_1_1)
                .build();
        URI bare = platform.uri("/benchmark/bare");
        Supplier<HttpRequest> bareRequest = () -> HttpRequest.newBuilder(bare).GET().build();
        LoadResult.of("warm-up bare", Load.run(http, bareRequest, Duration.ofSeconds(warmUp), concurrency));
        LoadResult bareResult = LoadResult.of("bare endpoint", Load.run(http, bareRequest,
                Duration.ofSeconds(seconds), concurrency));

        javax.sql.DataSource database = platform.bean(EmbeddedPostgres.class).getPostgresDatabase();
        List<LoadResult> reads = new ArrayList<>();
        List<String> work = new ArrayList<>();
        List<SharedVersusLocal> comparisons = new ArrayList<>();
        // DPoP proofs are verified on every call; the TPP's key type decides what that costs the bank
        for (JWSAlgorithm algorithm : List.of(JWSAlgorithm.ES256, JWSAlgorithm.PS256)) {
            TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "balances"), algorithm);
            // the rate limiter stays in the path (its cost is part of the measurement) but must not throttle the load
            platform.bean(TppRateLimits.class).override(tpp.tppId(), new RateLimit(1_000_000, 1_000_000));
            Connection connection = Connection.establish(platform, tpp, "yamada", "openid", "accounts", "balances");
            URI balances = platform.uri("/v1/accounts/" + firstAccountId(http, platform, tpp, connection) + "/balances");
            LoadResult warm = LoadResult.of("warm-up read " + algorithm, Load.run(http,
                    proofs(tpp, connection, balances, 2_000), Duration.ofSeconds(warmUp), concurrency));
            // enough proofs for the warm-up's pace and more; signing too many (RSA signs slowly) would age them
            int expected = (int) Math.min(200_000, warm.perSecond() * seconds * 1.5 + 1_000);
            // the same reads with the jtis and buckets shared through PostgreSQL and kept in this JVM's memory as
            // before (NodeLocalState), in the order shared, local, local, shared, so that warming up and the load of
            // others on the machine weigh on both alike: the difference is what sharing them costs a read
            var comparison = new SharedVersusLocal(algorithm.getName(), new ArrayList<>(), new ArrayList<>());
            for (boolean nodeLocal : List.of(false, true, true, false)) {
                NodeLocalState.use(nodeLocal);
                var before = DatabaseWork.of(database);
                LoadResult read = LoadResult.of("authorised balance read, DPoP " + algorithm
                        + (nodeLocal ? ", node-local jtis and buckets (before)" : ", shared through PostgreSQL"),
                        Load.run(http, proofs(tpp, connection, balances, expected), Duration.ofSeconds(seconds),
                                concurrency));
                reads.add(read);
                (nodeLocal ? comparison.local() : comparison.shared()).add(read);
                work.add("| " + read.name() + " " + DatabaseWork.perAnswer(before, DatabaseWork.of(database),
                        read.count(), 2));
            }
            NodeLocalState.use(false);
            comparisons.add(comparison);
        }

        String report = report(bareResult, reads, comparisons, work, seconds, concurrency);
        System.out.println(report);
        Path file = Path.of("target", "read-benchmark.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        return reads.stream().allMatch(read -> read.errors() == 0);
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

    /**
     * Requests with proofs signed in advance (in parallel). The server accepts a proof whose {@code iat} is within
     * 30 seconds of its clock, so the proofs are dated ahead by the time their signing will take plus
     * {@link #PROOF_DATE_AHEAD}: they are still valid when the measurement starts (10 s ahead of the clock then) and
     * for up to 40 s after. How long signing takes is measured on a pilot batch first, since other work on the machine
     * can make RSA signing several times slower; no more proofs are signed in advance than {@link #MAX_SIGNING}
     * allows. When they run out, new ones are signed on the way.
     */
    private static Supplier<HttpRequest> proofs(TestTpp tpp, Connection connection, URI uri, int count) {
        long pilotStart = System.nanoTime();
        IntStream.range(0, PILOT).parallel().forEach(i -> authorised(tpp, connection.accessToken(), uri, new Date()));
        double secondsPerProof = (System.nanoTime() - pilotStart) / 1e9 / PILOT;
        int signed = (int) Math.min(count, MAX_SIGNING.toSeconds() / secondsPerProof);
        Date issuedAt = Date.from(Instant.now().plus(PROOF_DATE_AHEAD)
                .plusMillis((long) (secondsPerProof * signed * 1000)));
        var ready = new ConcurrentLinkedQueue<HttpRequest>();
        IntStream.range(0, signed).parallel()
                .forEach(i -> ready.add(authorised(tpp, connection.accessToken(), uri, issuedAt)));
        return () -> {
            HttpRequest next = ready.poll();
            return next != null ? next : authorised(tpp, connection.accessToken(), uri, new Date());
        };
    }

    private static HttpRequest authorised(TestTpp tpp, DPoPAccessToken token, URI uri) {
        return authorised(tpp, token, uri, new Date());
    }

    private static HttpRequest authorised(TestTpp tpp, DPoPAccessToken token, URI uri, Date issuedAt) {
        try {
            String proof = tpp.dpop().createDPoPJWT(new JWTID(), "GET", uri, issuedAt, token).serialize();
            return HttpRequest.newBuilder(uri).GET().header("Authorization", "DPoP " + token.getValue())
                    .header("DPoP", proof).header("Accept", "application/json").build();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The measurements of one DPoP algorithm with shared and with node-local jtis and buckets. */
    private record SharedVersusLocal(String algorithm, List<LoadResult> shared, List<LoadResult> local) {

        static double perSecond(List<LoadResult> runs) {
            return runs.stream().mapToLong(LoadResult::count).sum()
                    / runs.stream().mapToDouble(run -> run.count() / run.perSecond()).sum();
        }

        String row() {
            double sharedRate = perSecond(shared);
            double localRate = perSecond(local);
            return String.format("| %s | %.0f | %.0f | %.0f%% | %.0f µs |", algorithm, sharedRate, localRate,
                    100.0 * sharedRate / localRate, 1e6 / sharedRate - 1e6 / localRate);
        }
    }

    private static String report(LoadResult bare, List<LoadResult> reads, List<SharedVersusLocal> comparisons,
            List<String> work, int seconds, int concurrency) {
        List<String> lines = new ArrayList<>();
        lines.add("# Read benchmark (" + Instant.now() + ")");
        lines.add("");
        lines.add("Closed loop, " + concurrency + " concurrent clients, " + seconds + " s per measurement, HTTPS, one JVM"
                + " for platform and client, " + Runtime.getRuntime().availableProcessors() + " CPUs.");
        lines.add("");
        lines.add("| endpoint | requests/s | p50 ms | p99 ms | errors | throughput vs bare | p99 vs bare |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        lines.add(bare.row() + " 100% | 1.0× |");
        for (LoadResult read : reads) {
            lines.add(read.row() + String.format(" %.0f%% | %.1f× |", 100.0 * read.perSecond() / bare.perSecond(),
                    read.p99Millis() / bare.p99Millis()));
        }
        lines.add("");
        lines.add("Target: authorised reads at ≥ 50% of the bare endpoint's throughput.");
        lines.add("");
        lines.add("What sharing the jtis and rate-limit buckets through PostgreSQL costs a read (two measurements of"
                + " each, shared / local / local / shared; extra wall-clock time per read at saturation, 2 CPUs):");
        lines.add("");
        lines.add("| DPoP key | shared reads/s | node-local reads/s | shared / node-local | extra per read |");
        lines.add("| --- | ---: | ---: | ---: | ---: |");
        comparisons.forEach(comparison -> lines.add(comparison.row()));
        lines.add("");
        lines.add("The database's work per read (pg_stat_database, pg_stat_wal; commits include the execution log's):");
        lines.add("");
        lines.add(DatabaseWork.header());
        lines.addAll(work);
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }
}
