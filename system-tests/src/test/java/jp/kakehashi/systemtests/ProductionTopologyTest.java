package jp.kakehashi.systemtests;

import static jp.kakehashi.systemtests.support.LoadBalancer.NODE_HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kakehashi.audit.ExecutionLogVerification;
import jp.kakehashi.authorization.customer.CustomerCredentials;
import jp.kakehashi.corebanking.simulator.SimulatedCoreBanking;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.ApiClient.Response;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.CoreLedger;
import jp.kakehashi.systemtests.support.CoreLedger.Leg;
import jp.kakehashi.systemtests.support.CustomerAgent;
import jp.kakehashi.systemtests.support.ProductionTopology;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The production topology (B7, C1, F4, B8): {@value #NODES} platform nodes, each a JVM of its own, on one external
 * PostgreSQL, behind HAProxy, which terminates TLS, re-encrypts to the nodes, adds X-Forwarded-For and sends requests
 * round-robin to the nodes whose readiness probe answers. Every test acts as TPPs and customers do, through the
 * balancer with its URL as the issuer; where a test must show what another node does with the same request, it
 * names the node in {@link jp.kakehashi.systemtests.support.LoadBalancer#NODE_HEADER}, which the balancer routes by.
 * What one node learns must hold on every node: a used DPoP proof, a revocation, a rate limit, a lockout; and a node
 * killed amid payments loses or doubles nothing that was acknowledged.
 * <p>
 * One cluster serves all groups (it takes a minute to start); the node crash comes last, as it leaves one node dead.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class ProductionTopologyTest {

    /** Three, so that the round-robin still spreads over two nodes once one is killed. */
    static final int NODES = 3;
    static final String ACCOUNTS = "/v1/accounts";
    static final String TRANSFERS = "/v1/transfers";
    static final String PASSWORD = "Kakehashi#2026";
    static final String YAMADA_MAIN = "001011234567";
    static final String SHOJI = "001020012345";
    /**
     * F4: a TPP the bank throttles, for the cluster as a whole; low enough that a few seconds of calls go beyond it,
     * bursts a multiple of {@link #NODES} so that each node's share is exact.
     */
    static final String THROTTLED_TPP = "tpp-topology-throttled";
    static final double THROTTLED_RATE = 3;
    static final int THROTTLED_BURST = 6;
    /** F4: calls without a customer's authorisation, per client address, for the cluster as a whole. */
    static final double PER_IP_RATE = 2;
    static final int PER_IP_BURST = 6;
    /** The TPP of the node crash, whose clients post many transfers at once: its limit is far above them. */
    static final String PAYMENTS_TPP = "tpp-topology-payments";

    static ProductionTopology topology;
    static RunningPlatform platform;

    @BeforeAll
    static void startTheBanksProductionTopology() throws Exception {
        topology = ProductionTopology.start(NODES,
                "--kakehashi.rate-limit.tpps." + THROTTLED_TPP + ".per-second=" + THROTTLED_RATE,
                "--kakehashi.rate-limit.tpps." + THROTTLED_TPP + ".burst=" + THROTTLED_BURST,
                "--kakehashi.rate-limit.per-ip.per-second=" + PER_IP_RATE,
                "--kakehashi.rate-limit.per-ip.burst=" + PER_IP_BURST,
                "--kakehashi.rate-limit.tpps." + PAYMENTS_TPP + ".per-second=10000",
                "--kakehashi.rate-limit.tpps." + PAYMENTS_TPP + ".burst=20000",
                // the crash test makes dozens of transfers a minute for one customer, far beyond the fraud rule on
                // transfer frequency (unit-tested in TransferRiskPolicyTest), which would hold them for confirmation
                "--kakehashi.risk.transfers.per-hour-confirm=0");
        platform = topology.platform();
    }

    @AfterAll
    static void stopTheBanksProductionTopology() {
        if (topology != null) {
            topology.close();
        }
    }

    /** A transfer from 架け橋商事's current account to Yamada's at the same branch (同一店内, free of fees). */
    static String transfer(long amount) {
        return "{\"accountId\":\"" + SHOJI + "\",\"totalCount\":\"1\",\"totalAmount\":\"" + amount
                + "\",\"transfers\":[{\"itemId\":\"1\",\"transferAmount\":\"" + amount + "\","
                + "\"beneficiaryBankCode\":\"0999\",\"beneficiaryBranchCode\":\"001\",\"accountTypeCode\":\"1\","
                + "\"accountNumber\":\"1234567\",\"beneficiaryName\":\"ﾔﾏﾀﾞ ﾀﾛｳ\"}]}";
    }

    /** A TPP connected to 架け橋商事's current account with the right to pay (sign-in with a second factor). */
    static ApiClient payingClient(TestTpp tpp) throws Exception {
        return new ApiClient(platform, ApiClient.connect(platform, tpp, "kakehashi-shoji", List.of(SHOJI), "openid",
                "accounts", "transfers"));
    }

    static boolean answeredOnEveryNode(ApiClient api, String path, int status) throws Exception {
        for (int node : topology.runningNodes()) {
            if (api.get(path, NODE_HEADER, Integer.toString(node)).status() != status) {
                return false;
            }
        }
        return true;
    }

    /**
     * B7: a DPoP proof is single use on the platform as a whole, not per node (RFC 9449 §11.1): a proof captured on
     * its way to one node and replayed to another is refused, also with another body for a payment.
     */
    @Nested
    @Order(1)
    class DpopProofs {

        @Test
        void readWhenItsProofIsReplayedToAnotherNodeThenRefused() throws Exception {
            TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
            ApiClient api = new ApiClient(platform, ApiClient.connect(platform, tpp, "yamada", List.of(YAMADA_MAIN),
                    "openid", "accounts"));
            SignedJWT onOneNode = api.proof("GET", ACCOUNTS);
            assertThat(api.sendWithProof("GET", ACCOUNTS, null, onOneNode, NODE_HEADER, "1").status()).isEqualTo(200);
            assertReplayRefused(api.sendWithProof("GET", ACCOUNTS, null, onOneNode, NODE_HEADER, "1"),
                    "the same proof again on the same node");

            SignedJWT proof = api.proof("GET", ACCOUNTS);
            assertThat(api.sendWithProof("GET", ACCOUNTS, null, proof, NODE_HEADER, "1").status()).isEqualTo(200);

            assertReplayRefused(api.sendWithProof("GET", ACCOUNTS, null, proof, NODE_HEADER, "2"),
                    "the same proof on another node");
        }

        @Test
        void transferWhenItsProofIsReplayedToAnotherNodeWithAnotherBodyAndKeyThenRefusedAndNothingMoves()
                throws Exception {
            ApiClient api = payingClient(TestTpp.register(platform, Set.of("accounts", "transfers")));
            CoreLedger ledger = topology.ledger();
            long lastPosting = ledger.lastPostingId();
            String replayedKey = "topology-replay-" + UUID.randomUUID();
            SignedJWT proof = api.proof("POST", TRANSFERS);
            Response first = api.sendWithProof("POST", TRANSFERS, transfer(1000), proof, "Idempotency-Key",
                    "topology-first-" + UUID.randomUUID(), NODE_HEADER, "1");
            assertThat(first.status()).as(first.body()).isEqualTo(201);
            assertThat(first.json()).containsEntry("transferStatus", "COMPLETED");

            Response replay = api.sendWithProof("POST", TRANSFERS, transfer(1237), proof, "Idempotency-Key",
                    replayedKey, NODE_HEADER, "2");

            assertReplayRefused(replay, "the payment's proof on another node, with another body and key");
            Response today = api.get(TRANSFERS);
            assertThat(today.status()).as(today.body()).isEqualTo(200);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> listed = (List<Map<String, Object>>) today.json().get("transfers");
            assertThat(listed).as("the customer's transfers of today, as the API lists them")
                    .extracting(t -> t.get("transferAmount")).contains("1000").doesNotContain("1237");
            assertThat(topology.jdbc().sql("select count(*) from transfers where idempotency_key = ?")
                    .param(replayedKey).query(Long.class).single()).as("transfers under the replayed key").isZero();
            assertThat(ledger.postingKindsAfter(lastPosting)).as("the core's postings since: the first transfer only")
                    .containsExactly("TRANSFER");
            assertThat(ledger.holdsUnder("kakehashi-" + first.json().get("applyNo"))).singleElement()
                    .satisfies(hold -> assertThat(hold.legs()).containsExactly(new Leg(SHOJI, -1000),
                            new Leg(YAMADA_MAIN, 1000)));
        }

        /** What the platform answers a used proof on a single node (ReadApiTokenTest, DpopRulesTest). */
        private static void assertReplayRefused(Response response, String what) {
            assertThat(response.status()).as("%s: %s", what, response.body()).isEqualTo(401);
            assertThat(response.json()).as(what).containsEntry("errorCode", "INVALID_TOKEN");
            assertThat(response.header("WWW-Authenticate")).as(what).startsWith("DPoP")
                    .contains("invalid_dpop_proof");
        }
    }

    /**
     * B8: a revocation on one node is refused on every node within a second, although every node had the token in
     * its cache: whether the customer ends the grant on the connected services page or the TPP revokes its refresh
     * token (RFC 7009).
     */
    @Nested
    @Order(2)
    class Revocations {

        @Test
        void revokeWhenTheCustomerEndsTheGrantOnOneNodeThenEveryNodeRefusesItsTokenWithinASecond() throws Exception {
            TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
            Connection connection = Connection.establish(platform, tpp, "sato", "openid", "accounts");
            ApiClient api = new ApiClient(platform, connection);
            assertThat(answeredOnEveryNode(api, ACCOUNTS, 200)).isTrue();
            assertThat(answeredOnEveryNode(api, ACCOUNTS, 200)).as("now from every node's token cache").isTrue();

            CustomerAgent sato = new CustomerAgent(platform).withHeader(NODE_HEADER, "2");
            sato.signIn("sato", PASSWORD);
            assertThat(sato.get(platform.uri("/connected-services")).body())
                    .contains("data-grant=\"" + connection.grantId() + "\"");
            URI revoke = platform.uri("/connected-services/" + connection.grantId() + "/revoke");
            HttpResponse<String> revoked = sato.post(revoke,
                    Map.of("_csrf", List.of(CustomerAgent.csrf(sato.get(revoke).body()))));

            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(302);
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> answeredOnEveryNode(api, ACCOUNTS, 401));
            assertThat(api.get(ACCOUNTS).json()).containsEntry("errorCode", "INVALID_TOKEN");
            assertThat(sato.withHeader(NODE_HEADER, "3").get(platform.uri("/connected-services")).body())
                    .as("the connected services page on another node").doesNotContain(connection.grantId());
            assertRefreshRefused(tpp, connection);
        }

        @Test
        void revokeWhenTheTppRevokesItsRefreshTokenOnOneNodeThenEveryNodeRefusesItsTokensWithinASecond()
                throws Exception {
            TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
            Connection connection = Connection.establish(platform, tpp, "yamada", "openid", "accounts");
            ApiClient api = new ApiClient(platform, connection);
            assertThat(answeredOnEveryNode(api, ACCOUNTS, 200)).isTrue();
            assertThat(answeredOnEveryNode(api, ACCOUNTS, 200)).as("now from every node's token cache").isTrue();

            HTTPRequest revocation = new TokenRevocationRequest(tpp.metadata().getRevocationEndpointURI(),
                    tpp.clientAuthentication(), connection.refreshToken()).toHTTPRequest();
            revocation.setHeader(NODE_HEADER, "3");

            assertThat(tpp.send(revocation).getStatusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> answeredOnEveryNode(api, ACCOUNTS, 401));
            assertRefreshRefused(tpp, connection);
        }

        private static void assertRefreshRefused(TestTpp tpp, Connection connection) throws Exception {
            var refresh = tpp.sendWithDpop(new TokenRequest(tpp.metadata().getTokenEndpointURI(),
                    tpp.clientAuthentication(), new RefreshTokenGrant(connection.refreshToken())).toHTTPRequest(),
                    null);
            assertThat(refresh.getStatusCode()).as(refresh.getBody()).isEqualTo(400);
            assertThat(refresh.getBody()).contains("invalid_grant");
        }
    }

    /**
     * F4: the limits hold for the cluster as a whole, not per node, and count each client by its own address, which
     * the nodes take from the balancer's X-Forwarded-For; B2: a lockout earned on several nodes holds on all.
     */
    @Nested
    @Order(3)
    class LimitsAcrossNodes {

        private static final Duration WINDOW = Duration.ofSeconds(3);

        @Test
        void perTppLimitWhenATppCallsTooFastThroughEveryNodeThenTheClusterAdmitsAtMostRateTimesTimePlusBurst()
                throws Exception {
            TestTpp tpp = TestTpp.register(platform, THROTTLED_TPP, Set.of("accounts"));
            ApiClient api = new ApiClient(platform, Connection.establish(platform, tpp, "yamada", "openid",
                    "accounts"));
            AtomicInteger admitted = new AtomicInteger();
            Queue<Response> refused = new ConcurrentLinkedQueue<>();
            Queue<Response> other = new ConcurrentLinkedQueue<>();

            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
                for (int client = 0; client < 4; client++) {
                    running.add(clients.submit(() -> {
                        for (int call = 0; call < 200 && System.nanoTime() - start < WINDOW.toNanos(); call++) {
                            Response response = api.get(ACCOUNTS);
                            switch (response.status()) {
                                case 200 -> admitted.incrementAndGet();
                                case 429 -> refused.add(response);
                                default -> other.add(response);
                            }
                        }
                        return null;
                    }));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Future<?> client : running) {
                client.get();
            }

            assertThat(other).as("answers other than 200 and 429").isEmpty();
            assertThat(refused).as("calls refused beyond the limit").isNotEmpty().allSatisfy(response -> {
                assertThat(response.json()).containsEntry("errorCode", "RATE_LIMIT_EXCEEDED");
                assertThat(response.header("Retry-After")).isNotNull();
            });
            System.out.printf("per-TPP limit through %d nodes: %d admitted, %d refused in %.2f s%n", NODES,
                    admitted.get(), refused.size(), seconds);
            assertThat(admitted.get()).as("admitted by the cluster in %.2f s", seconds)
                    .isBetween(THROTTLED_BURST, (int) Math.floor(THROTTLED_BURST + THROTTLED_RATE * seconds));
        }

        @Test
        void perIpLimitWhenClientsComeThroughTheBalancerThenEachClientAddressHasABudgetOfItsOwn() throws Exception {
            Budget first = callPublicInformation("127.0.0.11", 20, i -> null);
            assertThat(first.refused()).as("the first client's calls beyond its limit").isPositive();
            assertThat(first.admitted()).isLessThanOrEqualTo(first.allowed());

            HttpClient second = clientFrom("127.0.0.12");
            for (int node = 1; node <= NODES; node++) {
                String interaction = UUID.randomUUID().toString();
                HttpResponse<String> answer = second.send(HttpRequest.newBuilder(platform.uri("/v1/branches"))
                        .header(NODE_HEADER, Integer.toString(node)).header("x-fapi-interaction-id", interaction)
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("another client's call on node %d, after the first used up its"
                        + " budget: %s", node, answer.body()).isEqualTo(200);
                assertThat(clientAddressLogged(interaction)).as("C1: the execution log names the client, not the"
                        + " balancer").isEqualTo("127.0.0.12");
            }
        }

        @Test
        void perIpLimitWhenAClientForgesXForwardedForThenItIsStillCountedByItsOwnAddress() throws Exception {
            Budget forging = callPublicInformation("127.0.0.13", 20, i -> "203.0.113." + (i + 1));

            assertThat(forging.refused()).as("calls refused although each named another address").isPositive();
            assertThat(forging.admitted()).isLessThanOrEqualTo(forging.allowed());
        }

        @Test
        void lockoutWhenWrongPasswordsAreSpreadOverTheNodesThenTheRightOneIsRefusedOnEveryNode() throws Exception {
            String loginId = CustomerAgent.registerCustomer(platform, "INDIVIDUAL", PASSWORD,
                    CustomerAgent.DEMO_TOTP_SECRET);
            assertThat(signsIn(loginId, PASSWORD, 1)).as("the right password, before any failure").isTrue();

            for (int attempt = 0; attempt < 5; attempt++) {
                assertThat(signsIn(loginId, "wrong-" + attempt, attempt % NODES + 1)).isFalse();
            }

            for (int node = 1; node <= NODES; node++) {
                assertThat(signsIn(loginId, PASSWORD, node)).as("the right password on node %d", node).isFalse();
            }
            assertThat(platform.bean(CustomerCredentials.class).byLoginId(loginId).orElseThrow().lockedUntil())
                    .as("locked in the bank's database").isNotNull();
        }

        /** Whether a customer's browser gets past the bank's sign-in page on {@code node}. */
        private static boolean signsIn(String loginId, String password, int node) throws Exception {
            CustomerAgent browser = new CustomerAgent(platform).withHeader(NODE_HEADER, Integer.toString(node));
            URI login = platform.uri("/login");
            HttpResponse<String> answer = browser.post(login, Map.of("username", List.of(loginId), "password",
                    List.of(password), "_csrf", List.of(CustomerAgent.csrf(browser.get(login).body()))));
            assertThat(answer.statusCode()).as("the sign-in's answer on node %d", node).isEqualTo(302);
            return !answer.headers().firstValue("Location").orElseThrow().contains("error");
        }

        /**
         * How many of {@code calls} calls to the public branch list, made as fast as the answers come from
         * {@code address}, were admitted; {@code forwardedFor} gives the X-Forwarded-For a client forges on call i
         * (null: none).
         */
        private static Budget callPublicInformation(String address, int calls,
                java.util.function.IntFunction<String> forwardedFor) throws Exception {
            HttpClient client = clientFrom(address);
            int admitted = 0;
            int refused = 0;
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(platform.uri("/v1/branches"));
                if (forwardedFor.apply(i) != null) {
                    request.header("X-Forwarded-For", forwardedFor.apply(i));
                }
                int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                assertThat(status).isIn(200, 429);
                if (status == 200) {
                    admitted++;
                }
                else {
                    refused++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Budget(admitted, refused, (int) Math.floor(PER_IP_BURST + PER_IP_RATE * seconds));
        }

        record Budget(int admitted, int refused, int allowed) {
        }

        /** A client of the bank on this machine with {@code address} as its source address. */
        private static HttpClient clientFrom(String address) throws IOException {
            return HttpClient.newBuilder().sslContext(platform.tls()).localAddress(InetAddress.getByName(address))
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }

        private static String clientAddressLogged(String interactionId) {
            return topology.jdbc().sql("select client_ip_address from api_execution_log where interaction_id = ?")
                    .param(UUID.fromString(interactionId)).query(String.class).single();
        }
    }

    /**
     * C1, B9: one node is killed (SIGKILL) while several clients post transfers through the balancer, retrying with
     * their Idempotency-Key after an error or a broken connection, as a TPP does. The balancer takes the dead node
     * out of the round-robin, and afterwards nothing acknowledged is lost or doubled: each acknowledged apply number
     * exists once, the core has exactly one posting per completed transfer, the books balance, and every evidence
     * chain verifies.
     */
    @Nested
    @Order(4)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class NodeCrash {

        private static final int KILLED = 2;
        private static final int CLIENTS = 8;
        private static final int TRANSFERS_PER_CLIENT = 10;
        private static final int KILL_AFTER = 16;
        private static final long AMOUNT = 1000;
        private static final List<Leg> ONE_TRANSFER = List.of(new Leg(SHOJI, -AMOUNT), new Leg(YAMADA_MAIN, AMOUNT));

        /** One transfer a client asked for: its key, its answers, and how often it had to try. */
        static final class Request {

            final String key = "topology-crash-" + UUID.randomUUID();
            volatile Response answer;
            final AtomicInteger tries = new AtomicInteger();
        }

        @Test
        @Order(1)
        @Timeout(value = 5, unit = TimeUnit.MINUTES)
        void transfersWhenANodeIsKilledAmidThemThenNothingAcknowledgedIsLostOrDoubledAndTheBooksBalance()
                throws Exception {
            ApiClient api = payingClient(TestTpp.register(platform, PAYMENTS_TPP, Set.of("accounts", "transfers")))
                    .timingOutAfter(Duration.ofSeconds(20));
            CoreLedger ledger = topology.ledger();
            long needed = CLIENTS * TRANSFERS_PER_CLIENT * AMOUNT;
            if (ledger.withdrawable(SHOJI) < needed) {
                new SimulatedCoreBanking(topology.database()).deposit(new AccountId(SHOJI), needed, "テスト入金");
            }
            long shojiBefore = ledger.balance(SHOJI);
            long yamadaBefore = ledger.balance(YAMADA_MAIN);
            long customersBefore = ledger.customersTotal();
            long lastPostingBefore = ledger.lastPostingId();

            Queue<Request> requests = new ConcurrentLinkedQueue<>();
            CountDownLatch enoughAnswers = new CountDownLatch(KILL_AFTER);
            AtomicInteger inFlight = new AtomicInteger();
            int inFlightAtKill;
            List<Future<?>> running = new ArrayList<>();
            try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
                for (int client = 0; client < CLIENTS; client++) {
                    running.add(clients.submit(() -> {
                        for (int i = 0; i < TRANSFERS_PER_CLIENT; i++) {
                            Request request = new Request();
                            requests.add(request);
                            payUntilAnswered(api, request, inFlight);
                            enoughAnswers.countDown();
                        }
                        return null;
                    }));
                }
                assertThat(enoughAnswers.await(2, TimeUnit.MINUTES)).as("%d answers before the kill", KILL_AFTER)
                        .isTrue();
                // the kill is aimed at a moment the node serves a payment, as the balancer counts them
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                        .until(() -> topology.balancer().requestsInFlight(KILLED) > 0);
                inFlightAtKill = inFlight.get();
                topology.node(KILLED).kill();
                topology.balancer().awaitDown(KILLED);
            }
            for (Future<?> client : running) {
                client.get();
            }

            List<Request> all = new ArrayList<>(requests);
            System.out.printf("node crash: %d transfers, %d requests in flight at the kill, %d tried more than once%n",
                    all.size(), inFlightAtKill, all.stream().filter(r -> r.tries.get() > 1).count());
            assertThat(inFlightAtKill).as("requests in flight at the kill").isPositive();
            assertThat(all).hasSize(CLIENTS * TRANSFERS_PER_CLIENT).allSatisfy(request -> assertThat(
                    request.answer.status()).as("key %s: %s", request.key, request.answer.body()).isEqualTo(201));
            List<String> applyNumbers = all.stream().map(r -> (String) r.answer.json().get("applyNo")).toList();
            assertThat(applyNumbers).as("acknowledged apply numbers").doesNotHaveDuplicates();
            assertThat(topology.jdbc().sql("select idempotency_key from transfers where idempotency_key like"
                    + " 'topology-crash-%' group by idempotency_key having count(*) <> 1").query(String.class).list())
                    .as("keys with other than one transfer").isEmpty();
            await("transfers the dead node left accepted, finished by a retry or another node's scheduler")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> topology.jdbc().sql("select count(*) from transfers where idempotency_key like"
                            + " 'topology-crash-%' and status = 'ACCEPTED'").query(Long.class).single() == 0);
            assertEachCompletedAndPostedOnce(api, ledger, applyNumbers);
            assertThat(ledger.postingKindsAfter(lastPostingBefore)).as("the core's postings since the start")
                    .hasSize(applyNumbers.size()).containsOnly("TRANSFER");
            assertThat(ledger.activeHolds()).as("holds left").isZero();
            assertThat(ledger.imbalances()).as("the books").isEmpty();
            assertThat(ledger.balance(SHOJI)).isEqualTo(shojiBefore - applyNumbers.size() * AMOUNT);
            assertThat(ledger.balance(YAMADA_MAIN)).isEqualTo(yamadaBefore + applyNumbers.size() * AMOUNT);
            assertThat(ledger.customersTotal()).isEqualTo(customersBefore);
            // C1: the execution log's records, the dead node's included, are chained by the others and verify
            await("the execution log chained and intact").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertThat(platform
                            .bean(ExecutionLogVerification.class).verify())
                            .isInstanceOfSatisfying(ExecutionLogVerification.Intact.class,
                                    intact -> assertThat(intact.pending()).isZero()));
        }

        /** Each acknowledged transfer reads COMPLETED through the API, its hold at the core posted once. */
        private void assertEachCompletedAndPostedOnce(ApiClient api, CoreLedger ledger, List<String> applyNumbers)
                throws Exception {
            for (String applyNo : applyNumbers) {
                Response stored = api.get(TRANSFERS + "/" + applyNo);
                assertThat(stored.status()).as(stored.body()).isEqualTo(200);
                assertThat(stored.json()).containsEntry("transferStatus", "COMPLETED");
                assertThat(ledger.holdsUnder("kakehashi-" + applyNo)).as("the core's holds of transfer %s", applyNo)
                        .singleElement().satisfies(hold -> {
                            assertThat(hold.status()).isEqualTo("POSTED");
                            assertThat(hold.legs()).isEqualTo(ONE_TRANSFER);
                        });
            }
        }

        /**
         * Posts the request until the bank answers it, as a TPP does: after a broken connection, a timeout, or an
         * answer of the balancer that no node answered (502, 503, 504) it tries again with the same key and body.
         */
        private static void payUntilAnswered(ApiClient api, Request request, AtomicInteger inFlight)
                throws Exception {
            for (int attempt = 0; attempt < 20; attempt++) {
                request.tries.incrementAndGet();
                inFlight.incrementAndGet();
                try {
                    Response answer = api.post(TRANSFERS, transfer(AMOUNT), "Idempotency-Key", request.key);
                    request.answer = answer;
                    if (answer.status() < 502 || answer.status() > 504) {
                        return;
                    }
                }
                catch (IOException broken) {
                    // the node died with the request: the same key again
                }
                finally {
                    inFlight.decrementAndGet();
                }
            }
        }

        /**
         * C1: every node still running reports every evidence chain (the execution log, the staff action log, …)
         * intact on its management port ({@code /actuator/auditchains}), as the bank's monitoring reads it.
         */
        @Test
        @Order(2)
        void evidenceChainsWhenANodeWasKilledThenEveryRunningNodeReportsThemIntact() throws Exception {
            // everything logged so far, the payments and the dead node's records included, must be verified
            long logged = topology.jdbc().sql("select coalesce(max(sequence_number), 0) from api_execution_log")
                    .query(Long.class).single();
            assertThat(logged).as("execution log records chained").isPositive();
            HttpClient monitoring = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            for (int node : topology.runningNodes()) {
                await("node " + node + " verifies every chain through record " + logged + " of the execution log")
                        .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                            HttpResponse<String> report = monitoring.send(HttpRequest.newBuilder(
                                    topology.management(node, "/actuator/auditchains")).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            assertThat(report.statusCode()).as("/actuator/auditchains on node %d: %s", node,
                                    report.body()).isEqualTo(200);
                            @SuppressWarnings("unchecked")
                            List<Map<String, Object>> chains = (List<Map<String, Object>>) com.nimbusds.jose.util
                                    .JSONObjectUtils.parse(report.body()).get("chains");
                            assertThat(chains).as("the evidence chains node %d reports", node)
                                    .extracting(chain -> chain.get("name")).contains("execution-log",
                                            "audit-events", "staff-actions", "consent-records");
                            assertThat(chains).allSatisfy(chain -> assertThat(chain).as("chain %s", chain.get("name"))
                                    .containsEntry("status", "INTACT"));
                            assertThat(chains).filteredOn(chain -> "execution-log".equals(chain.get("name")))
                                    .singleElement().satisfies(chain -> assertThat(
                                            ((Number) chain.get("checkedThrough")).longValue())
                                            .isGreaterThanOrEqualTo(logged));
                        });
            }
        }
    }
}
