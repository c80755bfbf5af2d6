package jp.kakehashi.benchmarks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.CoreBanking;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import jp.kakehashi.tpp.ratelimit.RateLimit;
import jp.kakehashi.tpp.ratelimit.TppRateLimits;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The payment API's performance target (docs/requirements.md): transfers per second with every check on, at least
 * 1,000/s on the 2-CPU machine, reported in absolute numbers and side by side with the bare endpoint of the same
 * platform in the same run.
 * <p>
 * Every transfer is a {@code POST /v1/transfers} of 1 yen through the whole path: TLS, the DPoP proof and the
 * DPoP-bound token of a standing payment grant ({@code transfers} scope, no single-transfer authorization_details),
 * the rate limiter, an {@code Idempotency-Key} of its own, Zengin validation and pricing, the customer's daily and
 * monthly limits counted under the customer's lock, the transfer stored with its key, the core simulator's reserve
 * and post (two transactions, both accounts locked in each) and the execution-log record. The transfers go round
 * rings of the demo accounts (山田's three accounts; 佐藤 and 架け橋商事 to each other), so the total of the five
 * accounts stays the same: it is checked after each measurement, as is that every answered 201 is one completed
 * transfer and nothing was left pending.
 * <p>
 * Three measurements: the load spread over the three demo customers and five accounts with PS256 and with ES256
 * DPoP proofs (FAPI 2.0 allows both; see the read benchmark), and all of it on one customer's one account, which
 * shows what the serialization per customer and per account costs. The proofs are signed before the clock starts,
 * so the client's signing does not take CPU from the server it shares the machine with. While each measurement runs,
 * the database's sessions are sampled ({@link DatabaseWaits}) and the CPU of the JVM and of PostgreSQL is counted
 * ({@link ProcessCpu}); with {@code profile} the first measurement is recorded by JFR ({@link JfrProfile}).
 * <p>
 * Arguments (all optional): seconds per measurement (default 20, at most 30: the proofs signed ahead must stay
 * valid), concurrency (16), warm-up seconds (5), profile ({@code false}). Usually run through {@link Benchmarks}.
 */
public final class TransferBenchmark {

    private static final Duration PROOF_DATE_AHEAD = Duration.ofSeconds(20);
    private static final double TARGET_PER_SECOND = 1_000;
    private static final int FULL_LENGTH_SECONDS = 20;
    private static final String BANK_CODE = "0999";
    private static final String[] SCOPES = { "openid", "accounts", "transfers" };

    /** A demo account, as the core simulator opens it and as a Zengin payee field names it. */
    private record DemoAccount(String loginId, String accountId, String zenginType, String nameKana) {

        String branch() {
            return accountId.substring(0, 3);
        }

        String number() {
            return accountId.substring(5);
        }
    }

    private static final DemoAccount YAMADA_MAIN = new DemoAccount("yamada", "001011234567", "1", "ﾔﾏﾀﾞ ﾀﾛｳ");
    private static final DemoAccount YAMADA_SHIBUYA = new DemoAccount("yamada", "101017654321", "1", "ﾔﾏﾀﾞ ﾀﾛｳ");
    private static final DemoAccount YAMADA_SAVINGS = new DemoAccount("yamada", "001042345678", "4", "ﾔﾏﾀﾞ ﾀﾛｳ");
    private static final DemoAccount SATO = new DemoAccount("sato", "102013456789", "1", "ｻﾄｳ ﾊﾅｺ");
    private static final DemoAccount SHOJI = new DemoAccount("kakehashi-shoji", "001020012345", "2", "ｶ)ｶｹﾊｼｼﾖｳｼﾞ");
    private static final List<DemoAccount> ACCOUNTS = List.of(YAMADA_MAIN, YAMADA_SHIBUYA, YAMADA_SAVINGS, SATO,
            SHOJI);

    /** One yen from an account to another demo account. */
    private record Route(DemoAccount from, DemoAccount to) {

        String body() {
            return "{\"accountId\":\"" + from.accountId() + "\",\"totalCount\":\"1\",\"totalAmount\":\"1\","
                    + "\"transfers\":[{\"itemId\":\"1\",\"transferAmount\":\"1\",\"beneficiaryBankCode\":\""
                    + BANK_CODE + "\",\"beneficiaryBranchCode\":\"" + to.branch() + "\",\"accountTypeCode\":\""
                    + to.zenginType() + "\",\"accountNumber\":\"" + to.number() + "\",\"beneficiaryName\":\""
                    + to.nameKana() + "\"}]}";
        }

        @Override
        public String toString() {
            return from.accountId() + "→" + to.accountId();
        }
    }

    /** Rings: every account sends as much as it receives, so the balances last however long the run. */
    private static final List<Route> RINGS = List.of(new Route(YAMADA_MAIN, YAMADA_SAVINGS),
            new Route(YAMADA_SAVINGS, YAMADA_SHIBUYA), new Route(YAMADA_SHIBUYA, YAMADA_MAIN), new Route(SATO, SHOJI),
            new Route(SHOJI, SATO));

    /** Which route each worker sends on. */
    private record Scenario(String name, JWSAlgorithm dpop, boolean profiled, List<Route> routes) {

        /** Workers go round the customers first, then round each customer's routes, so the customers get even loads. */
        Route routeOf(int worker) {
            List<String> customers = routes.stream().map(r -> r.from().loginId()).distinct().toList();
            String customer = customers.get(worker % customers.size());
            List<Route> own = routes.stream().filter(r -> r.from().loginId().equals(customer)).toList();
            return own.get((worker / customers.size()) % own.size());
        }
    }

    /** What one measurement saw besides its latencies. */
    private record Outcome(Scenario scenario, LoadResult result, String loadBefore, String loadAfter,
            ProcessCpu.Usage cpu, String databaseWork, String tables, String databaseWaits, String money,
            boolean moneyKept, String workers, String profile) {
    }

    private final RunningPlatform platform;
    private final HttpClient http;
    private final URI transfers;
    private final int seconds;
    private final int concurrency;
    private final int warmUp;
    private final ProcessCpu cpu;
    private String databaseSettings;

    private TransferBenchmark(RunningPlatform platform, int seconds, int concurrency, int warmUp) {
        this.platform = platform;
        this.http = HttpClient.newBuilder().sslContext(platform.tls()).version(HttpClient.Version.HTTP_1_1).build();
        this.transfers = platform.uri("/v1/transfers");
        this.seconds = seconds;
        this.concurrency = concurrency;
        this.warmUp = warmUp;
        this.cpu = new ProcessCpu(platform.home().resolve("postgres"));
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(Math.min(30, args.length > 0 ? Integer.parseInt(args[0]) : 20),
                args.length > 1 ? Integer.parseInt(args[1]) : 16, args.length > 2 ? Integer.parseInt(args[2]) : 5,
                args.length > 3 && Boolean.parseBoolean(args[3])) ? 0 : 1);
    }

    /** Runs the measurements, writes the report; true when no transfer failed and no money moved wrongly. */
    static boolean run(int seconds, int concurrency, int warmUp, boolean profile) throws Exception {
        System.setProperty("kakehashi.benchmark.bare-endpoint", "true");
        // the rings of transfers cross branches: a 1-yen fee keeps the fee's ledger leg in every such transfer without
        // draining the accounts (the demo's 110 yen would empty 佐藤's account within a measurement)
        System.setProperty("kakehashi.banking.transfers.fees.same-bank.below", "1");
        System.setProperty("kakehashi.banking.transfers.fees.same-bank.at-or-above", "1");
        return new TransferBenchmark(RunningPlatform.get(), seconds, concurrency, warmUp).measure(profile);
    }

    private boolean measure(boolean profile) throws Exception {
        databaseSettings = DatabaseWork.settings(database());
        URI bare = platform.uri("/benchmark/bare");
        java.util.function.Supplier<HttpRequest> bareRequest = () -> HttpRequest.newBuilder(bare).GET().build();
        // compiled like the transfer path below, so that the ratio does not depend on whether the read benchmark
        // warmed this JVM before
        LoadResult.of("warm-up bare", Load.run(http, bareRequest, Duration.ofSeconds(3L * warmUp), concurrency));
        String loadBefore = MachineLoad.now();
        var workBefore = DatabaseWork.of(database());
        var cpuBefore = cpu.take();
        LoadResult bareResult = LoadResult.of("bare endpoint", Load.run(http, bareRequest,
                Duration.ofSeconds(seconds), concurrency));
        var usage = ProcessCpu.between(cpuBefore, cpu.take());
        var bareOutcome = new Outcome(null, bareResult, loadBefore, MachineLoad.now(), usage,
                DatabaseWork.perAnswer(workBefore, DatabaseWork.of(database()), bareResult.count(), 0), null, null,
                null, true, null, null);

        List<Scenario> scenarios = List.of(
                new Scenario("transfers, 3 customers / 5 accounts, DPoP PS256", JWSAlgorithm.PS256, profile, RINGS),
                new Scenario("transfers, 3 customers / 5 accounts, DPoP ES256", JWSAlgorithm.ES256, false, RINGS),
                new Scenario("transfers, 1 customer / 1 account (山田 main → savings), DPoP PS256", JWSAlgorithm.PS256,
                        false, List.of(RINGS.getFirst())));
        Map<JWSAlgorithm, TestTpp> tpps = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            TestTpp tpp = tpps.computeIfAbsent(scenario.dpop(), this::tpp);
            // the first warm-up also compiles the transfer path, which the bare endpoint never ran
            outcomes.add(measure(scenario, tpp, Duration.ofSeconds(outcomes.isEmpty() ? 3L * warmUp : warmUp)));
        }

        String report = report(bareOutcome, outcomes);
        System.out.println(report);
        Path file = Path.of("target", "transfer-benchmark.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        // only full-length runs are kept; the short ones of development would overwrite the day's result
        if (seconds >= FULL_LENGTH_SECONDS) {
            Path dated = Path.of("results", LocalDate.now(ZoneOffset.UTC) + "-transfer.md");
            Files.createDirectories(dated.getParent());
            Files.writeString(dated, report);
        }
        return outcomes.stream().allMatch(o -> o.result().errors() == 0 && o.moneyKept());
    }

    /** A TPP approved for transfers whose DPoP key signs with {@code algorithm}, not throttled by the bank. */
    private TestTpp tpp(JWSAlgorithm algorithm) {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "transfers"), algorithm);
        // the rate limiter stays in the path (its cost is part of the measurement) but must not throttle the load
        platform.bean(TppRateLimits.class).override(tpp.tppId(), new RateLimit(1_000_000, 1_000_000));
        return tpp;
    }

    private Outcome measure(Scenario scenario, TestTpp tpp, Duration warmFor) throws Exception {
        // fresh grants per measurement: a transfers token lives 5 minutes, a whole run takes longer
        Map<String, Connection> grants = connect(tpp, scenario.routes());
        Route[] routeOf = IntStream.range(0, concurrency).mapToObj(scenario::routeOf).toArray(Route[]::new);
        String workers = Arrays.stream(routeOf).collect(Collectors.groupingBy(Route::toString,
                LinkedHashMap::new, Collectors.counting())).toString();

        var warmRequests = requests(tpp, grants, scenario.routes(), routeOf, 2_000);
        LoadResult warm = LoadResult.of("warm-up " + scenario.name(), Load.run(http, warmRequests, 201, warmFor,
                concurrency));
        // enough proofs for the warm-up's pace and more; signing too many (RSA signs slowly) would age them
        int expected = (int) Math.min(200_000, warm.perSecond() * seconds * 1.5 + 1_000);
        var requests = requests(tpp, grants, scenario.routes(), routeOf, expected);

        long total = total();
        Map<String, Long> statusesBefore = statuses();
        long feesBefore = feesAfter();
        String loadBefore = MachineLoad.now();
        var workBefore = DatabaseWork.of(database());
        var tablesBefore = TableWork.of(database());
        var cpuBefore = cpu.take();
        JfrProfile profile = scenario.profiled() ? JfrProfile.start(Path.of("target", "transfer-benchmark.jfr"))
                : null;
        var sampler = DatabaseWaits.start(database());
        LoadResult result;
        try {
            result = LoadResult.of(scenario.name(), Load.run(http, requests, 201, Duration.ofSeconds(seconds),
                    concurrency));
        }
        finally {
            sampler.close();
        }
        String waits = sampler.report(8);
        var usage = ProcessCpu.between(cpuBefore, cpu.take());
        String work = DatabaseWork.perAnswer(workBefore, DatabaseWork.of(database()), result.count(),
                sampler.samples());
        String tables = TableWork.perAnswer(tablesBefore, TableWork.of(database()), result.count());
        String loadAfter = MachineLoad.now();
        String summary = profile == null ? null : profile.stopAndSummarise(20);

        Map<String, Long> statusesAfter = statuses();
        long completed = statusesAfter.getOrDefault("COMPLETED", 0L) - statusesBefore.getOrDefault("COMPLETED", 0L);
        long pending = statusesAfter.getOrDefault("ACCEPTED", 0L);
        long failed = statusesAfter.getOrDefault("FAILED", 0L) - statusesBefore.getOrDefault("FAILED", 0L);
        long totalAfter = total();
        // the fees of transfers between branches leave the five accounts for the bank's fee income
        long fees = feesAfter() - feesBefore;
        boolean kept = totalAfter + fees == total && completed == result.successes() && pending == 0;
        String money = String.format("the five accounts held %,d yen before and %,d yen after, %,d yen paid in fees;"
                + " %,d transfers stored as completed for %,d answers 201, %d failed, %d left pending: %s", total,
                totalAfter, fees, completed, result.successes(), failed, pending,
                kept ? "money kept" : "**MONEY CHECK FAILED**");
        System.out.println(money);
        return new Outcome(scenario, result, loadBefore, loadAfter, usage, work, tables, waits, money, kept,
                workers, summary);
    }

    /** The embedded server's own database, reached outside the platform's pool. */
    private javax.sql.DataSource database() {
        return platform.bean(EmbeddedPostgres.class).getPostgresDatabase();
    }

    /** The customers of the routes connected through the whole FAPI flow, each granting all its sending accounts. */
    private Map<String, Connection> connect(TestTpp tpp, List<Route> routes) throws Exception {
        Map<String, List<String>> accountsOf = routes.stream().collect(Collectors.groupingBy(r -> r.from().loginId(),
                LinkedHashMap::new, Collectors.mapping(r -> r.from().accountId(), Collectors.toList())));
        Map<String, Connection> connections = new LinkedHashMap<>();
        for (var customer : accountsOf.entrySet()) {
            connections.put(customer.getKey(), ApiClient.connect(platform, tpp, customer.getKey(),
                    customer.getValue(), SCOPES));
        }
        return connections;
    }

    /**
     * Each worker's requests, signed in advance (in parallel) per route, with as many for a route as its share of
     * the workers and a margin. The server accepts a proof whose {@code iat} is within 30 seconds of its clock, so
     * the proofs are dated {@link #PROOF_DATE_AHEAD} ahead of their signing: they stay valid through signing and a
     * measurement of up to 30 seconds. When a route's run out, new ones are signed on the way.
     */
    private IntFunction<HttpRequest> requests(TestTpp tpp, Map<String, Connection> grants, List<Route> routes,
            Route[] routeOf, int count) {
        Date issuedAt = Date.from(Instant.now().plus(PROOF_DATE_AHEAD));
        Map<Route, ConcurrentLinkedQueue<HttpRequest>> ready = new LinkedHashMap<>();
        for (Route route : routes) {
            long workers = Arrays.stream(routeOf).filter(route::equals).count();
            int share = (int) (count * 1.2 * workers / routeOf.length) + 100;
            var queue = new ConcurrentLinkedQueue<HttpRequest>();
            DPoPAccessToken token = grants.get(route.from().loginId()).accessToken();
            IntStream.range(0, share).parallel().forEach(i -> queue.add(transfer(tpp, token, route, issuedAt)));
            ready.put(route, queue);
        }
        return worker -> {
            Route route = routeOf[worker];
            HttpRequest next = ready.get(route).poll();
            return next != null ? next : transfer(tpp, grants.get(route.from().loginId()).accessToken(), route,
                    new Date());
        };
    }

    /** A transfer request as the TPP sends it: its own key, its own proof. */
    private HttpRequest transfer(TestTpp tpp, DPoPAccessToken token, Route route, Date issuedAt) {
        try {
            String proof = tpp.dpop().createDPoPJWT(new JWTID(), "POST", transfers, issuedAt, token).serialize();
            return HttpRequest.newBuilder(transfers).POST(HttpRequest.BodyPublishers.ofString(route.body()))
                    .header("Authorization", "DPoP " + token.getValue()).header("DPoP", proof)
                    .header("Idempotency-Key", "bench-" + UUID.randomUUID())
                    .header("Content-Type", "application/json").header("Accept", "application/json").build();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The money in the five demo accounts together, as the core books it. */
    private long total() {
        CoreBanking core = platform.bean(CoreBanking.class);
        return ACCOUNTS.stream().mapToLong(a -> core.balance(new AccountId(a.accountId())).orElseThrow().balance())
                .sum();
    }

    /** The fees of all completed transfers so far. */
    private long feesAfter() {
        return platform.bean(JdbcClient.class)
                .sql("select coalesce(sum(fee), 0) from transfers where status = 'COMPLETED'").query(Long.class).single();
    }

    private Map<String, Long> statuses() {
        Map<String, Long> counts = new LinkedHashMap<>();
        platform.bean(JdbcClient.class).sql("select status, count(*) from transfers group by status")
                .query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private String report(Outcome bare, List<Outcome> outcomes) {
        int cpus = Runtime.getRuntime().availableProcessors();
        List<String> lines = new ArrayList<>();
        lines.add("# Transfer benchmark (" + Instant.now() + ")");
        lines.add("");
        lines.add("Closed loop, " + concurrency + " concurrent clients, " + seconds + " s per measurement (after "
                + warmUp + " s of warm-up, " + 3 * warmUp + " s before the bare and the first transfer measurement),"
                + " HTTPS, one"
                + " JVM for platform and load generator (" + Runtime.version() + "), embedded PostgreSQL ("
                + databaseSettings + "), " + cpus + " CPUs shared with whatever else ran. Each transfer: 1 yen, its"
                + " own Idempotency-Key and DPoP proof, a standing payment grant, Zengin validation, limits under the"
                + " customer's lock, reserve and post in the core simulator, execution log.");
        lines.add("");
        lines.add("| endpoint | answers/s | p50 ms | p99 ms | errors | throughput vs bare | p99 vs bare"
                + " | load before → after |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        lines.add(bare.result().row() + " 100% | 1.0× | " + bare.loadBefore() + " → " + bare.loadAfter() + " |");
        for (Outcome o : outcomes) {
            lines.add(o.result().row() + String.format(" %.0f%% | %.1f× | %s → %s |",
                    100.0 * o.result().perSecond() / bare.result().perSecond(),
                    o.result().p99Millis() / bare.result().p99Millis(), o.loadBefore(), o.loadAfter()));
        }
        lines.add("");
        Outcome headline = outcomes.getFirst();
        lines.add(String.format("**Target ≥ %,.0f transfers/s (%s): %s — %,.0f/s.**", TARGET_PER_SECOND,
                headline.scenario().name(), headline.result().perSecond() >= TARGET_PER_SECOND ? "met" : "missed",
                headline.result().perSecond()));
        lines.add("");
        lines.addAll(costSections(bare, outcomes, cpus));
        lines.addAll(scenarioSections(outcomes));
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    /** The CPU and database work per answer, for the bare endpoint and each scenario. */
    private static List<String> costSections(Outcome bare, List<Outcome> outcomes, int cpus) {
        List<String> lines = new ArrayList<>();
        lines.add("## CPU per answer");
        lines.add("");
        lines.add("CPU time of this JVM and of the database's processes, per answer; the machine's " + cpus + " CPUs"
                + " allow at most " + cpus + " s of CPU a second, so at most the ceiling below even with nothing else"
                + " running. " + String.format("%,.0f", TARGET_PER_SECOND) + " transfers/s leave "
                + String.format("%.1f", 1000.0 * cpus / TARGET_PER_SECOND) + " ms of CPU per transfer for platform,"
                + " database and load generator together.");
        lines.add("");
        lines.add("| endpoint | JVM (platform + load generator) ms | PostgreSQL ms | our share of the machine"
                + " | ceiling at all CPUs, answers/s |");
        lines.add("| --- | ---: | ---: | ---: | ---: |");
        for (Outcome o : concat(bare, outcomes)) {
            double answers = Math.max(1, o.result().count());
            double perAnswer = (o.cpu().jvmSeconds() + o.cpu().databaseSeconds()) / answers;
            lines.add(String.format("| %s | %.2f | %.2f | %.0f%% | %,.0f |", o.result().name(),
                    1000 * o.cpu().jvmSeconds() / answers, 1000 * o.cpu().databaseSeconds() / answers,
                    100 * o.cpu().machineShare(cpus), cpus / perAnswer));
        }
        lines.add("");
        lines.add("## Database work per answer");
        lines.add("");
        lines.add("Approximate (the server publishes its counters about once a second). Every statement outside a"
                + " transaction counts as a commit; rows fetched include those the limit sums read; WAL flushes count"
                + " fsyncs, none when fsync is off.");
        lines.add("");
        lines.add(DatabaseWork.header());
        for (Outcome o : concat(bare, outcomes)) {
            lines.add("| " + o.result().name() + " " + o.databaseWork());
        }
        return lines;
    }

    /** Per scenario: workers, answers through the run, money, database waits, tables touched, the JFR profile. */
    private static List<String> scenarioSections(List<Outcome> outcomes) {
        List<String> lines = new ArrayList<>();
        for (Outcome o : outcomes) {
            lines.add("");
            lines.add("## " + o.scenario().name());
            lines.add("");
            lines.add("Workers per route: " + o.workers() + ".");
            lines.add("");
            lines.add("Answers per second through the run: " + Arrays.toString(o.result().answersPerSecond()) + ".");
            lines.add("");
            lines.add("Money: " + o.money() + ".");
            lines.add("");
            lines.add(o.databaseWaits());
            lines.add("");
            lines.add("What one answer did to each table:");
            lines.add("");
            lines.add(o.tables());
            if (o.profile() != null) {
                lines.add("");
                lines.add("### Where the JVM's time goes (JFR)");
                lines.add("");
                lines.add(o.profile());
            }
        }
        return lines;
    }

    private static List<Outcome> concat(Outcome first, List<Outcome> rest) {
        List<Outcome> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
