package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import jp.kakehashi.corebanking.simulator.SimulatedCoreBanking;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.CustomerId;
import jp.kakehashi.corebanking.spi.IdempotencyKey;
import jp.kakehashi.corebanking.spi.Payee;
import jp.kakehashi.corebanking.spi.TransferRequest;
import jp.kakehashi.corebanking.spi.TransferResult;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.ApiClient.Response;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.CoreLedger;
import jp.kakehashi.systemtests.support.CoreLedger.Leg;
import jp.kakehashi.systemtests.support.PlatformProcess;
import jp.kakehashi.systemtests.support.TestTpp;
import jp.kakehashi.systemtests.support.TokenHashes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The crash test of the payment API (payment correctness: money never lost, duplicated or overdrawn, whatever crashes):
 * the platform runs in a process of its own on the bank's database and is killed (SIGKILL) while {@value #CLIENTS}
 * clients of a TPP post transfers, each request under its own {@code Idempotency-Key}. After a restart on the same
 * database every acknowledged transfer is there exactly once (in the API, and as one posting in the core's ledger); a
 * retry of every request with its key and body answers what its first answer said, and ends each request the crash cut
 * off; and the books balance: every posting balanced, no hold left, no account overdrawn, and the money moved is
 * exactly the completed transfers.
 * <p>
 * Each round kills at another moment: right after the first answer, amid the flow, and after the debit account ran out
 * of money, so that refusals are replayed too. The debit account is the corporate demo customer's current account,
 * funded for a known number of transfers; every transfer goes to Yamada's account at the same branch (同一店内), which
 * is free, so each moves exactly its amount.
 */
class TransferCrashTest {

    private static final String SHOJI = "001020012345";
    private static final String SHOJI_CUSTOMER = "C0003";
    private static final String YAMADA_MAIN = "001011234567";
    private static final long AMOUNT = 1000;
    private static final int CLIENTS = 16;
    private static final String REQUEST = "{\"accountId\":\"" + SHOJI + "\",\"totalCount\":\"1\",\"totalAmount\":\""
            + AMOUNT + "\",\"transfers\":[{\"itemId\":\"1\",\"transferAmount\":\"" + AMOUNT + "\","
            + "\"beneficiaryBankCode\":\"0999\",\"beneficiaryBranchCode\":\"001\",\"accountTypeCode\":\"1\","
            + "\"accountNumber\":\"1234567\",\"beneficiaryName\":\"ﾔﾏﾀﾞ ﾀﾛｳ\"}]}";
    private static final List<Leg> ONE_TRANSFER = List.of(new Leg(SHOJI, -AMOUNT), new Leg(YAMADA_MAIN, AMOUNT));

    private static EmbeddedPostgres database;
    private static PlatformProcess platform;
    private static JdbcClient jdbc;
    private static CoreLedger ledger;
    private static SimulatedCoreBanking core;
    private static Connection shoji;

    /**
     * One kill.
     *
     * @param id         the prefix of the round's idempotency keys
     * @param killAfter  the number of answers the clients got before the kill
     * @param affordable how many transfers the debit account is funded for
     */
    record Round(String id, int killAfter, int affordable) {

        @Override
        public String toString() {
            return "killed after " + killAfter + " answers, money for " + affordable + " transfers";
        }
    }

    static Stream<Round> rounds() {
        return Stream.of(new Round("crash-1-", 1, 200), new Round("crash-2-", 40, 200), new Round("crash-3-", 60, 30));
    }

    /** One request of a client: its key, and its first answer or how the crash cut it off. */
    static final class Attempt {

        final String key;
        volatile Response first;
        volatile Exception cutOff;

        Attempt(String key) {
            this.key = key;
        }
    }

    @BeforeAll
    static void startTheBanksDatabaseAndThePlatform() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "crash-").toAbsolutePath();
        database = EmbeddedPostgres.builder().setDataDirectory(home.resolve("postgres")).setCleanDataDirectory(true)
                .setServerConfig("max_connections", "100")
                // as the platform's own embedded server: a commit must survive, or the test would prove nothing
                .setServerConfig("synchronous_commit", "on").start();
        jdbc = JdbcClient.create(database.getPostgresDatabase());
        ledger = new CoreLedger(database.getPostgresDatabase());
        core = new SimulatedCoreBanking(database.getPostgresDatabase());
        System.out.println("crash test: platform files and logs in " + home);
        platform = PlatformProcess.start(home, database.getJdbcUrl("postgres", "postgres"),
                // the test counts transfers, not requests: the TPP's rate limit would answer some with 429 instead,
                // and the fraud rule on many transfers an hour would hold them for the customer's confirmation
                "--kakehashi.rate-limit.enabled=false", "--kakehashi.risk.transfers.per-hour-confirm=0");
        shoji = connectShoji(home);
    }

    @AfterAll
    static void stopThePlatformAndTheDatabase() throws Exception {
        if (platform != null) {
            platform.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /**
     * A round that failed may have left the platform dead: every round starts with a running one. The access token
     * lives 5 minutes (scope transfers), so the TPP refreshes it first, as it would before a batch of payments; within
     * the round, the token from before the kill is used after the restart.
     */
    @BeforeEach
    void platformRunsAndTheTokenIsFresh() throws Exception {
        if (!platform.isRunning()) {
            platform.start();
        }
        TestTpp tpp = shoji.tpp();
        var refreshed = OIDCTokenResponseParser.parse(tpp.sendWithDpop(new TokenRequest(
                tpp.metadata().getTokenEndpointURI(), tpp.clientAuthentication(),
                new RefreshTokenGrant(shoji.refreshToken())).toHTTPRequest(), null));
        assertThat(refreshed.indicatesSuccess()).as("refresh: %s", refreshed).isTrue();
        var tokens = refreshed.toSuccessResponse().getTokens();
        shoji = new Connection(tpp, shoji.grantId(), (DPoPAccessToken) tokens.getAccessToken(),
                tokens.getRefreshToken() != null ? tokens.getRefreshToken() : shoji.refreshToken());
    }

    /**
     * The demo TPP (its private key is where the bank handed it over) connects to the corporate customer's account
     * through the whole FAPI flow with a second factor; one sign-in serves all rounds, tokens surviving restarts.
     */
    private static Connection connectShoji(Path home) throws Exception {
        ECKey key = (ECKey) JWKSet.load(home.resolve("demo-tpp/private-jwks.json").toFile()).getKeys().getFirst();
        TestTpp tpp = TestTpp.forClient(platform.view(), PlatformProcess.DEMO_TPP, PlatformProcess.DEMO_CLIENT, key);
        CodeVerifier verifier = new CodeVerifier();
        var code = Connection.authorizationCode(platform.view(), tpp, "kakehashi-shoji", verifier, "openid",
                "accounts", "transfers");
        var response = OIDCTokenResponseParser.parse(tpp.sendWithDpop(new TokenRequest(
                tpp.metadata().getTokenEndpointURI(), tpp.clientAuthentication(),
                new AuthorizationCodeGrant(code, TestTpp.REDIRECT_URI, verifier)).toHTTPRequest(), null));
        assertThat(response.indicatesSuccess()).as(() -> response.toErrorResponse().getErrorObject().toString())
                .isTrue();
        var tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
        var access = (DPoPAccessToken) tokens.getAccessToken();
        String grantId = jdbc.sql("select authorization_id from oauth_token where token_hash = ?")
                .param(TokenHashes.of(access.getValue())).query(String.class).single();
        return new Connection(tpp, grantId, access, tokens.getRefreshToken());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rounds")
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void transfersWhenThePlatformIsKilledMidwayThenAfterRestartAcknowledgedOnesAreThereOnceRetriesAnswerAlikeAndBooksBalance(
            Round round) throws Exception {
        fundExactly(round.affordable() * AMOUNT);
        long shojiBefore = ledger.balance(SHOJI);
        long yamadaBefore = ledger.balance(YAMADA_MAIN);
        long customersBefore = ledger.customersTotal();
        long lastPostingBefore = ledger.lastPostingId();

        List<Attempt> attempts = postUntilKilled(round);

        assertThat(ledger.imbalances()).as("the books right after the kill").isEmpty();
        List<Attempt> acknowledged = attempts.stream().filter(a -> a.first != null && a.first.status() == 201).toList();
        assertThat(attempts).as("answers before the kill: transfers made or refused for want of money")
                .allSatisfy(a -> {
                    if (a.first != null && a.first.status() != 201) {
                        assertThat(a.first.status()).as(a.first.body()).isEqualTo(409);
                        assertThat(a.first.json()).containsEntry("errorCode", "INSUFFICIENT_FUNDS");
                    }
                });
        report(round, attempts, acknowledged);

        platform.start();
        ApiClient client = new ApiClient(platform.view(), shoji);

        for (Attempt attempt : acknowledged) {
            String applyNo = (String) attempt.first.json().get("applyNo");
            assertThat(stored(attempt.key)).as("the stored transfer of acknowledged key %s", attempt.key)
                    .containsExactly(applyNo + ":COMPLETED");
            Response lookup = client.get("/v1/transfers/" + applyNo);
            assertThat(lookup.status()).as(lookup.body()).isEqualTo(200);
            assertThat(lookup.json()).containsEntry("transferStatus", "COMPLETED").containsEntry("transferAmount",
                    Long.toString(AMOUNT));
            assertPostedOnce(applyNo);
        }

        Map<String, Response> endOf = retryEach(attempts);

        assertThat(jdbc.sql("select idempotency_key from transfers where idempotency_key like ? group by"
                + " idempotency_key having count(*) <> 1").param(round.id() + "%").query(String.class).list())
                .as("keys with other than one transfer").isEmpty();
        assertThat(count(round, null)).as("transfers of the round").isEqualTo(attempts.size());
        assertThat(count(round, "ACCEPTED")).as("transfers left pending after all retries").isZero();
        List<String> completed = endOf.values().stream().filter(r -> r.status() == 201)
                .map(r -> (String) r.json().get("applyNo")).toList();
        assertThat(count(round, "COMPLETED")).isEqualTo(completed.size());
        assertThat(jdbc.sql("select distinct status_reason from transfers where idempotency_key like ? and status ="
                + " 'FAILED'").param(round.id() + "%").query(String.class).list()).isSubsetOf("INSUFFICIENT_FUNDS");
        for (String applyNo : completed) {
            assertPostedOnce(applyNo);
        }
        for (String applyNo : jdbc.sql("select apply_no from transfers where idempotency_key like ? and status ="
                + " 'FAILED'").param(round.id() + "%").query(String.class).list()) {
            assertThat(ledger.holdsUnder("kakehashi-" + applyNo)).as("failed transfer %s", applyNo)
                    .allSatisfy(hold -> assertThat(hold.postingId()).isNull());
        }

        assertThat(ledger.postingKindsAfter(lastPostingBefore)).as("postings of the round")
                .hasSize(completed.size()).containsOnly("TRANSFER");
        assertThat(ledger.activeHolds()).as("holds left once every request was retried").isZero();
        assertThat(ledger.imbalances()).as("the books after the retries").isEmpty();
        assertThat(ledger.balance(SHOJI)).isEqualTo(shojiBefore - completed.size() * AMOUNT);
        assertThat(ledger.balance(YAMADA_MAIN)).isEqualTo(yamadaBefore + completed.size() * AMOUNT);
        assertThat(ledger.customersTotal()).isEqualTo(customersBefore);
        assertThat(completed.size()).isLessThanOrEqualTo(round.affordable());
        if (completed.size() < attempts.size()) {
            // a refusal for want of money means the money was used up: every hold then was posted, none voided
            assertThat(completed).as("transfers made when some were refused for want of money")
                    .hasSize(round.affordable());
        }
    }

    /**
     * Lets {@value #CLIENTS} clients post transfers one after the other, each with a fresh key, and kills the
     * platform once they got {@code round.killAfter()} answers; a client stops at its first broken connection.
     */
    private static List<Attempt> postUntilKilled(Round round) throws Exception {
        ApiClient client = new ApiClient(platform.view(), shoji);
        Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        CountDownLatch enoughAnswers = new CountDownLatch(round.killAfter());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        int inFlightAtKill;
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(() -> {
                    while (true) {
                        Attempt attempt = new Attempt(round.id() + sequence.incrementAndGet() + "-" + UUID.randomUUID());
                        attempts.add(attempt);
                        inFlight.incrementAndGet();
                        try {
                            attempt.first = client.post("/v1/transfers", REQUEST, "Idempotency-Key", attempt.key);
                            enoughAnswers.countDown();
                        }
                        catch (Exception broken) {
                            attempt.cutOff = broken;
                            return;
                        }
                        finally {
                            inFlight.decrementAndGet();
                        }
                    }
                });
            }
            assertThat(enoughAnswers.await(90, TimeUnit.SECONDS)).as("%d answers before the kill", round.killAfter())
                    .isTrue();
            inFlightAtKill = inFlight.get();
            platform.kill();
        }
        assertThat(inFlightAtKill).as("requests in flight at the kill").isPositive();
        return new ArrayList<>(attempts);
    }

    /** Posts each attempt's request again with its key, {@value #CLIENTS} at a time; answers in the same order. */
    private static List<Response> postAgain(List<Attempt> attempts) throws Exception {
        ApiClient client = new ApiClient(platform.view(), shoji);
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Callable<Response>> calls = attempts.stream().<Callable<Response>>map(a -> () -> client.post(
                    "/v1/transfers", REQUEST, "Idempotency-Key", a.key)).toList();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : clients.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        }
    }

    /** The core made exactly one hold for the transfer, posted as one posting of its amount to the payee. */
    private static void assertPostedOnce(String applyNo) {
        assertThat(ledger.holdsUnder("kakehashi-" + applyNo)).as("the core's holds of transfer %s", applyNo)
                .singleElement().satisfies(hold -> {
                    assertThat(hold.status()).isEqualTo("POSTED");
                    assertThat(hold.legs()).isEqualTo(ONE_TRANSFER);
                });
    }

    /** The transfers stored under the key, as apply number and status. */
    private static List<String> stored(String key) {
        return jdbc.sql("select apply_no || ':' || status from transfers where client_id = ? and idempotency_key = ?")
                .params(PlatformProcess.DEMO_CLIENT, key).query(String.class).list();
    }

    /** The round's transfers the crash left pending although the core had posted them: the narrowest window. */
    private static long pendingButPosted(Round round) {
        return jdbc.sql("""
                select count(*) from transfers t
                join corebanking.reservation r on r.idempotency_key = 'kakehashi-' || t.apply_no
                where t.idempotency_key like ? and t.status = 'ACCEPTED' and r.status = 'POSTED'
                """).param(round.id() + "%").query(Long.class).single();
    }

    /** The round's transfers in {@code status} (null: all). */
    private static long count(Round round, String status) {
        return jdbc.sql("select count(*) from transfers where idempotency_key like ? and (cast(? as text) is null or"
                + " status = ?)").params(round.id() + "%", status, status).query(Long.class).single();
    }

    /** Brings the debit account's withdrawable amount to exactly {@code amount}, through the core as a teller would. */
    private static void fundExactly(long amount) {
        long withdrawable = ledger.withdrawable(SHOJI);
        if (withdrawable > amount) {
            TransferResult drained = core.transfer(new TransferRequest(new CustomerId(SHOJI_CUSTOMER),
                    new IdempotencyKey("crash-drain-" + UUID.randomUUID()), new AccountId(SHOJI),
                    new Payee("0005", "001", "1", "0000001", "ﾃｽﾄ"), withdrawable - amount, null));
            assertThat(drained).isInstanceOf(TransferResult.Accepted.class);
        }
        else if (withdrawable < amount) {
            core.deposit(new AccountId(SHOJI), amount - withdrawable, "テスト入金");
        }
        assertThat(ledger.withdrawable(SHOJI)).isEqualTo(amount);
    }

    /**
     * Every request again with its key and body, as a TPP does after a broken connection; twice for the cut-off
     * ones, whose first retry is the one that ends them. A retry answers as the first answer did; what each key
     * ended as.
     */
    private Map<String, Response> retryEach(List<Attempt> attempts) throws Exception {
        List<Response> retries = postAgain(attempts);
        List<Attempt> cutOff = attempts.stream().filter(a -> a.first == null).toList();
        List<Response> secondRetries = postAgain(cutOff);
        Map<String, Response> endOf = new java.util.HashMap<>();
        for (int i = 0; i < attempts.size(); i++) {
            Attempt attempt = attempts.get(i);
            Response retry = retries.get(i);
            if (attempt.first != null) {
                assertThat(retry.status()).as("retry of key %s", attempt.key).isEqualTo(attempt.first.status());
                assertThat(retry.body()).as("retry of key %s", attempt.key).isEqualTo(attempt.first.body());
            }
            else {
                assertThat(retry.status()).as("retry of cut-off key %s: %s", attempt.key, retry.body()).isIn(201, 409);
            }
            endOf.put(attempt.key, retry);
        }
        for (int i = 0; i < cutOff.size(); i++) {
            assertThat(secondRetries.get(i).body()).as("second retry of cut-off key %s", cutOff.get(i).key)
                    .isEqualTo(endOf.get(cutOff.get(i).key).body());
        }
        return endOf;
    }

    private void report(Round round, List<Attempt> attempts, List<Attempt> acknowledged) {
        System.out.printf("crash test, %s: %d requests, %d acknowledged, %d refused, %d cut off; at the kill %d"
                + " transfers pending, %d of them already posted by the core, and %d holds active%n", round,
                attempts.size(), acknowledged.size(),
                attempts.stream().filter(a -> a.first != null).count() - acknowledged.size(),
                attempts.stream().filter(a -> a.first == null).count(), count(round, "ACCEPTED"),
                pendingButPosted(round), ledger.activeHolds());
    }
}
