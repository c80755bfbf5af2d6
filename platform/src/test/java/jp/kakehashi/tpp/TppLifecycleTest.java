package jp.kakehashi.tpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.kakehashi.tpp.Transition.Refusal;
import jp.kakehashi.tpp.Transition.Refused;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The TPP's whole state machine (A1, A6: every move of the state machine, each decision by maker and checker), on
 * PostgreSQL with the platform's migrations: which moves each status allows, that restricted/suspended/revoked
 * decisions need a reason and two different people, that every move is recorded and published, and that two staff
 * members deciding at once move a TPP once.
 */
class TppLifecycleTest {

    private static EmbeddedPostgres postgres;
    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;

    private final List<TppStatusChanged> published = Collections.synchronizedList(new ArrayList<>());
    private Tpps tpps;
    private TppLifecycle lifecycle;

    @BeforeAll
    static void database() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        javax.sql.DataSource dataSource = postgres.getPostgresDatabase(); // one instance: transactions bind to it
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void lifecycle() {
        tpps = new Tpps(jdbc);
        lifecycle = new TppLifecycle(jdbc, tpps, new TppApplications(jdbc), event -> {
            if (event instanceof TppStatusChanged changed) {
                published.add(changed);
            }
        }, Clock.systemUTC());
    }

    @Test
    void lifecycleWhenDecidedStepByStepThenMovesFromApplicationToRevocationAndRecordsEveryMove() {
        String tpp = lifecycle.apply(application());
        assertThat(status(tpp)).isEqualTo(TppStatus.APPLIED);
        assertThat(tpps.find(tpp).orElseThrow().canConnect()).isFalse();

        assertThat(lifecycle.startScreening(tpp, "reviewer").moved()).isTrue();
        assertThat(lifecycle.approve(tpp, Set.of("accounts", "balances"),
                new StaffDecision("審査の結果、基準を満たす", "reviewer", "approver")).moved()).isTrue();
        assertThat(tpps.find(tpp).orElseThrow().approvedScopes()).containsExactlyInAnyOrder("accounts", "balances");
        assertThat(tpps.clientsOf(tpp)).isEmpty();

        assertThat(lifecycle.activate(tpp, "operator").moved()).isTrue();
        assertThat(tpps.clientsOf(tpp)).singleElement().satisfies(client -> {
            assertThat(client.redirectUris()).containsExactly("https://app.example/callback");
            assertThat(client.senderConstraint()).isEqualTo(TppClient.SenderConstraint.DPOP);
        });
        assertThat(tpps.find(tpp).orElseThrow().usableScopes()).containsExactlyInAnyOrder("accounts", "balances");

        assertThat(lifecycle.restrict(tpp, Set.of("balances"), decision("残高照会で異常なアクセス")).moved()).isTrue();
        assertThat(tpps.find(tpp).orElseThrow().usableScopes()).containsExactly("accounts");
        assertThat(lifecycle.suspend(tpp, decision("不正アクセスの疑い")).moved()).isTrue();
        assertThat(tpps.find(tpp).orElseThrow().usableScopes()).isEmpty();

        assertThat(lifecycle.resume(tpp, decision("調査完了")).moved()).isTrue();
        assertThat(status(tpp)).as("a suspension does not lift an earlier restriction").isEqualTo(TppStatus.RESTRICTED);
        assertThat(lifecycle.resume(tpp, decision("改善を確認")).moved()).isTrue();
        assertThat(tpps.find(tpp).orElseThrow().usableScopes()).containsExactlyInAnyOrder("accounts", "balances");

        assertThat(lifecycle.revoke(tpp, decision("契約解除")).moved()).isTrue();
        assertThat(status(tpp)).isEqualTo(TppStatus.REVOKED);

        List<TppStatusChange> history = lifecycle.history(tpp);
        assertThat(history).extracting(TppStatusChange::to).containsExactly(TppStatus.APPLIED, TppStatus.SCREENING,
                TppStatus.APPROVED, TppStatus.ACTIVE, TppStatus.RESTRICTED, TppStatus.SUSPENDED, TppStatus.RESTRICTED,
                TppStatus.ACTIVE, TppStatus.REVOKED);
        assertThat(history.get(5)).satisfies(suspension -> {
            assertThat(suspension.reason()).isEqualTo("不正アクセスの疑い");
            assertThat(suspension.requestedBy()).isEqualTo("operator");
            assertThat(suspension.approvedBy()).isEqualTo("approver");
        });
        assertThat(history.get(4).scopes()).containsExactly("balances");
        assertThat(published).extracting(TppStatusChanged::to).containsExactlyElementsOf(
                history.stream().map(TppStatusChange::to).toList());
    }

    @Test
    void screeningWhenRejectedThenTheTppNeverConnects() {
        String tpp = lifecycle.apply(application());
        lifecycle.startScreening(tpp, "reviewer");
        assertThat(lifecycle.reject(tpp, new StaffDecision("反社会的勢力との関係が否定できない", "reviewer", "approver"))
                .moved()).isTrue();
        assertThat(lifecycle.activate(tpp, "operator")).isEqualTo(new Refused(Refusal.NOT_ALLOWED_FROM_STATUS));
        assertThat(status(tpp)).isEqualTo(TppStatus.REJECTED);
    }

    @Test
    void decisionsWhenOnePersonOrNoReasonThenRefusedAndNothingChanges() {
        String tpp = active();
        int moves = lifecycle.history(tpp).size();

        assertThat(lifecycle.suspend(tpp, new StaffDecision("理由", "operator", "operator")))
                .isEqualTo(new Refused(Refusal.SAME_PERSON));
        assertThat(lifecycle.revoke(tpp, new StaffDecision("理由", "operator", null)))
                .isEqualTo(new Refused(Refusal.SAME_PERSON));
        assertThat(lifecycle.restrict(tpp, Set.of("accounts"), new StaffDecision(" ", "operator", "approver")))
                .isEqualTo(new Refused(Refusal.REASON_MISSING));
        assertThat(lifecycle.stopByTpp(tpp, "", "dev@app.example")).isEqualTo(new Refused(Refusal.REASON_MISSING));

        assertThat(status(tpp)).isEqualTo(TppStatus.ACTIVE);
        assertThat(lifecycle.history(tpp)).hasSize(moves);
    }

    @Test
    void movesWhenTheStatusDoesNotAllowThemThenRefused() {
        String applied = lifecycle.apply(application());
        assertThat(lifecycle.approve(applied, Set.of("accounts"), decision("早すぎる承認")))
                .as("approval needs a screening").isEqualTo(new Refused(Refusal.NOT_ALLOWED_FROM_STATUS));
        assertThat(lifecycle.suspend(applied, decision("未接続"))).isEqualTo(new Refused(Refusal.NOT_ALLOWED_FROM_STATUS));

        String active = active();
        assertThat(lifecycle.resume(active, decision("停止していない")))
                .isEqualTo(new Refused(Refusal.NOT_ALLOWED_FROM_STATUS));
        assertThat(lifecycle.restrict(active, Set.of("transfers"), decision("未承認スコープ")))
                .isEqualTo(new Refused(Refusal.SCOPES_INVALID));
        lifecycle.revoke(active, decision("契約解除"));
        assertThat(lifecycle.resume(active, decision("復活"))).as("revocation is for good")
                .isEqualTo(new Refused(Refusal.NOT_ALLOWED_FROM_STATUS));
        assertThat(lifecycle.suspend("tpp-unknown", decision("なし"))).isEqualTo(new Refused(Refusal.UNKNOWN_TPP));
    }

    @Test
    void approvalWhenScopesWereNotRequestedThenRefused() {
        String tpp = lifecycle.apply(application());
        lifecycle.startScreening(tpp, "reviewer");
        assertThat(lifecycle.approve(tpp, Set.of("transfers"), new StaffDecision("承認", "reviewer", "approver")))
                .isEqualTo(new Refused(Refusal.SCOPES_INVALID));
        assertThat(lifecycle.approve(tpp, Set.of(), new StaffDecision("承認", "reviewer", "approver")))
                .isEqualTo(new Refused(Refusal.SCOPES_INVALID));
        assertThat(status(tpp)).isEqualTo(TppStatus.SCREENING);
    }

    @Test
    void stopByTppWhenActiveThenSuspendedWithoutApprovalAndOnlyTheBankResumes() {
        String tpp = active();
        assertThat(lifecycle.stopByTpp(tpp, "サービス側で不正を検知", "dev@app.example").moved()).isTrue();
        assertThat(lifecycle.history(tpp).getLast().requestedBy()).isEqualTo("tpp:dev@app.example");
        assertThat(lifecycle.resume(tpp, decision("TPPの調査完了")).moved()).isTrue();
        assertThat(status(tpp)).isEqualTo(TppStatus.ACTIVE);
    }

    @Test
    void historyWhenSomeoneTriesToRewriteItThenThePostgresTriggersRefuse() {
        String tpp = active();
        assertThatThrownBy(() -> jdbc.sql("update tpp_status_change set reason = 'x' where tpp_id = ?").param(tpp)
                .update()).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from tpp_status_change where tpp_id = ?").param(tpp).update())
                .rootCause().hasMessageContaining("append-only");
    }

    @RepeatedTest(5)
    void suspendAndRevokeWhenDecidedAtOnceThenTheTppMovesOnceForEach() throws Exception {
        String tpp = active();
        published.clear();
        var start = new CountDownLatch(1);
        Callable<Transition> suspend = () -> {
            start.await();
            return transactions.execute(status -> lifecycle.suspend(tpp, decision("同時操作A")));
        };
        Callable<Transition> revoke = () -> {
            start.await();
            return transactions.execute(status -> lifecycle.revoke(tpp, decision("同時操作B")));
        };
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<Transition>> results = List.of(pool.submit(suspend), pool.submit(suspend), pool.submit(revoke),
                    pool.submit(suspend));
            start.countDown();
            long moved = 0;
            for (Future<Transition> result : results) {
                moved += result.get().moved() ? 1 : 0;
            }
            // the revocation is allowed from both ACTIVE and SUSPENDED, so it always moves; one suspension may too
            List<TppStatus> path = lifecycle.history(tpp).stream().map(TppStatusChange::to).toList();
            assertThat(path.getLast()).isIn(TppStatus.REVOKED, TppStatus.SUSPENDED);
            assertThat(path.stream().filter(TppStatus.SUSPENDED::equals).count()).isLessThanOrEqualTo(1);
            assertThat(moved).isEqualTo(published.size()).isBetween(1L, 2L);
            assertThat(path.getLast()).isEqualTo(status(tpp));
        }
    }

    private String active() {
        String tpp = lifecycle.apply(application());
        lifecycle.startScreening(tpp, "reviewer");
        lifecycle.approve(tpp, Set.of("accounts", "balances"), new StaffDecision("承認", "reviewer", "approver"));
        lifecycle.activate(tpp, "operator");
        return tpp;
    }

    private static StaffDecision decision(String reason) {
        return new StaffDecision(reason, "operator", "approver");
    }

    private TppStatus status(String tpp) {
        return tpps.find(tpp).orElseThrow().status();
    }

    static TppApplication application() {
        return new TppApplication("株式会社テストアプリ", "", "テスト家計簿", "", "代表取締役 試験 太郎", "東京都港区1-1-1",
                "03-1111-2222", "support@app.example", null, "関東財務局長（電代）第99999号", "dev@app.example",
                Set.of(TppApplication.ApiClass.READ), Set.of("accounts", "balances"),
                List.of("https://app.example/callback"), "{\"keys\":[]}", null,
                List.of(new TppApplication.IncidentContact("試験 花子", "CISO", "security@app.example", "03-1111-3333")),
                "当社の責任で補償します");
    }
}
