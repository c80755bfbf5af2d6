package jp.kakehashi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kakehashi.admin.Approval.Refusal;
import jp.kakehashi.audit.StaffActionQuery;
import jp.kakehashi.audit.StaffActions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Maker-checker (C4, A6) on embedded PostgreSQL: who may decide, and approval executes exactly once. */
class StaffRequestsTest {

    private static final StaffMember OPERATOR = new StaffMember("staff-op", "op", "運用", EnumSet.of(StaffRole.OPERATOR));
    private static final StaffMember APPROVER = new StaffMember("staff-ap", "ap", "承認1", EnumSet.of(StaffRole.APPROVER));
    private static final StaffMember APPROVER2 = new StaffMember("staff-ap2", "ap2", "承認2",
            EnumSet.of(StaffRole.APPROVER));
    private static final StaffMember BOTH = new StaffMember("staff-both", "both", "兼務",
            EnumSet.of(StaffRole.OPERATOR, StaffRole.APPROVER));
    private static final StaffMember REVIEWER = new StaffMember("staff-rv", "rv", "審査", EnumSet.of(StaffRole.REVIEWER));

    /** Made once: a staff directory hashes a password nobody has when it is made (one hash per sign-in attempt). */
    private static final org.springframework.security.crypto.password.PasswordEncoder PASSWORDS =
            org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private static EmbeddedPostgres postgres;
    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;

    private final AtomicInteger executions = new AtomicInteger();
    private volatile boolean refuse;
    private volatile boolean failClosing;
    private final List<String> closings = new java.util.concurrent.CopyOnWriteArrayList<>();
    private StaffRequests requests;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        var dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        for (StaffMember staff : List.of(OPERATOR, APPROVER, APPROVER2, BOTH, REVIEWER)) {
            jdbc.sql("insert into staff_account (id, login, display_name, password_hash, totp_secret, roles)"
                    + " values (?, ?, ?, 'x', 'x', ?)").params(staff.id(), staff.login(), staff.displayName(),
                    staff.roles().stream().map(Enum::name).toArray(String[]::new)).update();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void setUp() {
        jdbc.sql("delete from staff_request").update();
        requests = new StaffRequests(jdbc, transactions, new StaffActions(jdbc, Clock.systemUTC()),
                Clock.systemUTC(), new StaffAccounts(jdbc, PASSWORDS, Clock.systemUTC(), null),
                List.of(new CountingAction()));
    }

    @Test
    void approveWhenRequesterApprovesOwnRequestThenRefusedAndNotExecuted() {
        StaffRequest request = file(BOTH);

        Approval outcome = requests.approve(BOTH, request.id());

        assertThat(outcome).isEqualTo(new Approval.Refused(Refusal.OWN_REQUEST, null));
        assertThat(executions).hasValue(0);
        assertThat(requests.find(request.id()).orElseThrow().status()).isEqualTo(StaffRequest.Status.PENDING);
    }

    @Test
    void approveWhenStaffIsNoApproverThenRefusedAndNotExecuted() {
        StaffRequest request = file(OPERATOR);

        assertThat(requests.approve(REVIEWER, request.id()))
                .isEqualTo(new Approval.Refused(Refusal.NOT_AN_APPROVER, null));
        assertThat(requests.reject(REVIEWER, request.id(), "no"))
                .isEqualTo(new Approval.Refused(Refusal.NOT_AN_APPROVER, null));
        assertThat(executions).hasValue(0);
    }

    @Test
    void approveWhenTheApproverWasDeactivatedOrLostTheRoleSinceSignInThenRefusedAndNotExecuted() {
        var lapsed = new StaffMember("staff-lapsed", "lapsed", "元承認", EnumSet.of(StaffRole.APPROVER));
        var demoted = new StaffMember("staff-demoted", "demoted", "降格", EnumSet.of(StaffRole.APPROVER));
        jdbc.sql("insert into staff_account (id, login, display_name, password_hash, totp_secret, roles, active)"
                + " values ('staff-lapsed', 'lapsed', '元承認', 'x', 'x', '{APPROVER}', false),"
                + " ('staff-demoted', 'demoted', '降格', 'x', 'x', '{REVIEWER}', true) on conflict do nothing").update();
        StaffRequest request = file(OPERATOR);

        assertThat(requests.approve(lapsed, request.id()))
                .isEqualTo(new Approval.Refused(Refusal.NOT_AN_APPROVER, null));
        assertThat(requests.approve(demoted, request.id()))
                .isEqualTo(new Approval.Refused(Refusal.NOT_AN_APPROVER, null));
        assertThat(requests.reject(lapsed, request.id(), "no"))
                .isEqualTo(new Approval.Refused(Refusal.NOT_AN_APPROVER, null));
        assertThat(requests.request(new StaffMember("staff-lapsed", "lapsed", "元承認", EnumSet.of(StaffRole.OPERATOR)),
                "test.count", "tpp-y", Map.of(), "why")).isEqualTo(
                new Requested.Refused(Requested.Refusal.NOT_PERMITTED, null));
        assertThat(executions).hasValue(0);
        assertThat(requests.find(request.id()).orElseThrow().status()).isEqualTo(StaffRequest.Status.PENDING);
    }

    @Test
    void approveWhenAnotherApproverApprovesThenExecutedOnceAndLogged() {
        StaffRequest request = file(OPERATOR);

        Approval outcome = requests.approve(APPROVER, request.id());
        Approval again = requests.approve(APPROVER2, request.id());

        assertThat(outcome.decided()).isTrue();
        StaffRequest decided = ((Approval.Decided) outcome).request();
        assertThat(decided.status()).isEqualTo(StaffRequest.Status.APPROVED);
        assertThat(decided.decidedBy()).isEqualTo(APPROVER.id());
        assertThat(decided.outcome()).isEqualTo("done");
        assertThat(again).isEqualTo(new Approval.Refused(Refusal.ALREADY_DECIDED, null));
        assertThat(executions).hasValue(1);
        var log = new StaffActions(jdbc, Clock.systemUTC()).query(new StaffActionQuery(decided.requestedAt()
                .minusSeconds(5), decided.requestedAt().plusSeconds(60), null, "tpp-x"));
        assertThat(log).extracting(e -> e.action() + "/" + e.staffId() + "/" + e.outcome()).contains(
                "test.count.requested/staff-op/pending", "test.count.approved/staff-ap/success");
    }

    @RepeatedTest(10)
    void approveWhenTwoApproversApproveAtOnceThenExecutedExactlyOnce() throws Exception {
        StaffRequest request = file(OPERATOR);
        var start = new CountDownLatch(1);
        List<Future<Approval>> outcomes = new ArrayList<>();
        try (var threads = Executors.newFixedThreadPool(2)) {
            for (StaffMember approver : List.of(APPROVER, APPROVER2)) {
                outcomes.add(threads.submit(() -> {
                    start.await();
                    return requests.approve(approver, request.id());
                }));
            }
            start.countDown();
            List<Approval> results = new ArrayList<>();
            for (Future<Approval> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).filteredOn(Approval::decided).hasSize(1);
            assertThat(results).filteredOn(r -> !r.decided())
                    .containsExactly(new Approval.Refused(Refusal.ALREADY_DECIDED, null));
        }
        assertThat(executions).hasValue(1);
    }

    @Test
    void approveWhenActionRefusesThenRequestStaysPendingWithTheReason() {
        StaffRequest request = file(OPERATOR);
        refuse = true;

        Approval outcome = requests.approve(APPROVER, request.id());

        assertThat(outcome).isEqualTo(new Approval.Refused(Refusal.ACTION_REFUSED, "NOT_ALLOWED_FROM_STATUS"));
        assertThat(requests.find(request.id()).orElseThrow().status()).isEqualTo(StaffRequest.Status.PENDING);
    }

    @Test
    void approveWhenTheKindIsNoLongerRegisteredThenRefusedAndStillPending() {
        StaffRequest request = file(OPERATOR);
        var withoutTheKind = new StaffRequests(jdbc, transactions, new StaffActions(jdbc, Clock.systemUTC()),
                Clock.systemUTC(), new StaffAccounts(jdbc, PASSWORDS, Clock.systemUTC(), null), List.of());

        assertThat(withoutTheKind.approve(APPROVER, request.id())).isEqualTo(
                new Approval.Refused(Refusal.ACTION_REFUSED, "console.request.refusal.UNKNOWN_KIND"));
        assertThat(withoutTheKind.find(request.id()).orElseThrow().status()).isEqualTo(StaffRequest.Status.PENDING);
    }

    @Test
    void requestWhenRoleMissingOrReasonBlankOrAlreadyPendingThenRefused() {
        assertThat(requests.request(REVIEWER, "test.count", "tpp-x", Map.of(), "why"))
                .isEqualTo(new Requested.Refused(Requested.Refusal.NOT_PERMITTED, null));
        assertThat(requests.request(OPERATOR, "test.count", "tpp-x", Map.of(), "  "))
                .isEqualTo(new Requested.Refused(Requested.Refusal.REASON_MISSING, null));
        assertThat(requests.request(OPERATOR, "no.such.kind", "tpp-x", Map.of(), "why"))
                .isEqualTo(new Requested.Refused(Requested.Refusal.UNKNOWN_KIND, null));
        file(OPERATOR);
        assertThat(requests.request(BOTH, "test.count", "tpp-x", Map.of(), "again"))
                .isEqualTo(new Requested.Refused(Requested.Refusal.ALREADY_PENDING, null));
    }

    @Test
    void rejectAndWithdrawWhenDecidedByTheRightPeopleThenOnlyThose() {
        StaffRequest first = file(OPERATOR);
        assertThat(requests.withdraw(APPROVER, first.id()))
                .isEqualTo(new Approval.Refused(Refusal.NOT_THE_REQUESTER, null));
        assertThat(requests.reject(APPROVER, first.id(), "")).isEqualTo(new Approval.Refused(Refusal.NOTE_MISSING, null));
        assertThat(requests.reject(APPROVER, first.id(), "not needed").decided()).isTrue();
        StaffRequest second = file(OPERATOR);
        assertThat(requests.withdraw(OPERATOR, second.id()).decided()).isTrue();
        assertThat(requests.approve(APPROVER, second.id()))
                .isEqualTo(new Approval.Refused(Refusal.ALREADY_DECIDED, null));
        assertThat(executions).hasValue(0);
        assertThat(requests.pending()).isEmpty();
    }

    @Test
    void rejectAndWithdrawWhenDecidedThenTheActionClosesItsRecordOnceAndNothingExecutes() {
        StaffRequest rejected = file(OPERATOR);
        requests.reject(APPROVER, rejected.id(), "不要です");
        StaffRequest withdrawn = file(OPERATOR);
        requests.withdraw(OPERATOR, withdrawn.id());
        requests.reject(APPROVER2, rejected.id(), "again");

        assertThat(closings).containsExactly(rejected.id() + "/REJECTED/staff-ap/不要です",
                withdrawn.id() + "/WITHDRAWN/staff-op/null");
        assertThat(executions).hasValue(0);
    }

    @Test
    void rejectWhenTheActionFailsToCloseItsRecordThenTheRequestStaysPending() {
        StaffRequest request = file(OPERATOR);
        failClosing = true;

        assertThatThrownBy(() -> requests.reject(APPROVER, request.id(), "不要です"))
                .isInstanceOf(IllegalStateException.class).hasMessage("closing failed");

        assertThat(requests.find(request.id()).orElseThrow().status()).isEqualTo(StaffRequest.Status.PENDING);
        assertThat(closings).isEmpty();
    }

    private StaffRequest file(StaffMember requester) {
        Requested filed = requests.request(requester, "test.count", "tpp-x", Map.of("k", "v"), "理由があります");
        assertThat(filed).isInstanceOf(Requested.Filed.class);
        return ((Requested.Filed) filed).request();
    }

    /** Counts its executions; sleeps a little inside the transaction so racing approvers overlap. */
    private final class CountingAction implements ApprovedAction {
        @Override
        public String kind() {
            return "test.count";
        }

        @Override
        public Set<StaffRole> requesterRoles() {
            return EnumSet.of(StaffRole.OPERATOR);
        }

        @Override
        public String describe(StaffRequest request, Locale locale) {
            return "count " + request.target();
        }

        @Override
        public void onClosed(StaffRequest request, StaffRequest.Status how, StaffMember by) {
            if (failClosing) {
                throw new IllegalStateException("closing failed");
            }
            closings.add(request.id() + "/" + how + "/" + by.id() + "/" + request.decisionNote());
        }

        @Override
        public Result execute(StaffRequest request, StaffMember approver) {
            if (refuse) {
                return new Refused("", jp.kakehashi.tpp.Transition.Refusal.NOT_ALLOWED_FROM_STATUS);
            }
            executions.incrementAndGet();
            try {
                // stands for an action that takes time (mail, other rows), so racing approvers overlap inside it;
                // there is nothing to await: the other approver is blocked in the database, not in this code
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Done("done");
        }
    }
}
