package jp.kakehashi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import jp.kakehashi.audit.ChainVerification.ChainStatus;
import jp.kakehashi.audit.ChainVerification.Status;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.consent.NewGrant;
import jp.kakehashi.consent.RenderedConsent;
import jp.kakehashi.risk.RiskSignals;
import jp.kakehashi.runtime.EmbeddedDatabaseRoles;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the evidence tampering tests share (C1, C4, D5 against a database insider): a context of its own (its own
 * database and checkpoint folder) with the schedules slowed down, so only the test makes checkpoints and verifies; a
 * connection as the tables' OWNER, who can lift the append-only trigger; and the steps of tampering and of putting
 * the rows back. A "restarted node" is a verification built anew on the same beans, with a clock the test moves.
 */
@SpringBootTest(properties = {
        "kakehashi.embedded-postgres.data-directory=target/it-data-evidence/postgres",
        "kakehashi.embedded-postgres.clean=true",
        "kakehashi.tls.keystore=target/it-data-evidence/tls/localhost.p12",
        "kakehashi.secrets.master-key-file=target/it-data-evidence/secrets/master.key",
        "kakehashi.demo.tpp-key-file=target/it-data-evidence/demo-tpp/private-jwks.json",
        "kakehashi.audit.checkpoint-directory=target/it-data-evidence/audit-checkpoints/${random.uuid}",
        "kakehashi.audit.checkpoint-interval=1h",
        "kakehashi.audit.verification-interval=1h"})
@ActiveProfiles("demo")
@DirtiesContext
abstract class EvidenceTamperingTestSupport {

    static final Map<String, String> TABLES = Map.of(ExecutionLogChain.NAME, "api_execution_log",
            AuditEventChain.NAME, "audit_events", StaffActionChain.NAME, "staff_action_log",
            ConsentRecordChain.NAME, "consent_record");
    /** A change of content per table that the owner could make. */
    static final Map<String, String> CHANGES = Map.of(
            "api_execution_log", "operation = 'GET /v1/accounts (altered)'",
            "audit_events", "outcome = 'ALTERED'",
            "staff_action_log", "outcome = 'altered'",
            "consent_record", "confirmation_text = '同意していません'");

    @Autowired
    ExecutionLogRecords executionLog;
    @Autowired
    AuditEvents auditEvents;
    @Autowired
    StaffActions staffActions;
    @Autowired
    Grants grants;
    @Autowired
    List<LateLinkedChain<?>> lateChains;
    @Autowired
    List<HashChain> chains;
    @Autowired
    Checkpoints checkpoints;
    @Autowired
    CheckpointFiles files;
    @Autowired
    ChainVerification verification;
    @Autowired
    AuditChainsEndpoint endpoint;
    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CheckpointSigner signer;
    @Autowired
    JdbcClient runtime;
    @Autowired
    TransactionTemplate transactions;
    @Value("${kakehashi.secrets.master-key-file}")
    Path masterKeyFile;
    @Value("${kakehashi.issuer}")
    String issuer;

    JdbcClient owner;
    TransactionTemplate ownerTransactions;

    @BeforeEach
    void connectAsOwnerWhileEveryChainIsIntact() {
        var dataSource = postgres.getDatabase(EmbeddedDatabaseRoles.OWNER, EmbeddedDatabaseRoles.DATABASE);
        owner = JdbcClient.create(dataSource);
        ownerTransactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        assertThat(owner.sql("select current_user").query(String.class).single()).isEqualTo("kakehashi_owner");
        assertThat(verification.verifyFully()).allSatisfy(s -> assertThat(s.status()).as(s.toString())
                .isEqualTo(Status.INTACT));
    }

    void assertBroken(String chain, long firstBroken, String reasonWord) {
        assertBroken(chain, firstBroken, firstBroken - 1, reasonWord);
    }

    /** Broken at {@code firstBroken}, verified through {@code checkedThrough}: never beyond what was walked. */
    void assertBroken(String chain, long firstBroken, long checkedThrough, String reasonWord) {
        ChainStatus status = status(chain);
        assertThat(status.status()).as(status.toString()).isEqualTo(Status.BROKEN);
        assertThat(status.firstBroken()).as(status.reason()).isEqualTo(firstBroken);
        assertThat(status.checkedThrough()).isEqualTo(checkedThrough);
        assertThat(status.reason()).contains(reasonWord);
        assertThat(status.tampered()).isTrue();
        assertThat(endpoint.chains().chains()).filteredOn(c -> c.name().equals(chain)).singleElement()
                .isEqualTo(new AuditChainsEndpoint.Chain(chain, "BROKEN", checkedThrough, firstBroken));
        assertThat(endpoint.chains().chains()).filteredOn(c -> !c.name().equals(chain))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo("INTACT"));
        assertThat(meters.get("kakehashi.audit.chain.broken").tag("chain", chain).gauge().value()).isEqualTo(1);
        assertThat(meters.get("kakehashi.audit.chain.checked.through").tag("chain", chain).gauge().value())
                .isEqualTo(checkedThrough);
        assertThat(meters.get("kakehashi.audit.chain.stalled").tag("chain", chain).gauge().value()).isZero();
    }

    static ChainStatus statusOf(List<ChainStatus> statuses, String chain) {
        return statuses.stream().filter(s -> s.name().equals(chain)).findFirst().orElseThrow();
    }

    /** A node's verification as it starts: nothing known but what the table and the directory hold. */
    ChainVerification restartedNode(Clock clock) {
        return new ChainVerification(chains, restartedCheckpoints(), files, signer, clock,
                new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class), Duration.ofHours(6),
                Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO);
    }

    Checkpoints restartedCheckpoints() {
        return new Checkpoints(chains, signer, files, runtime, transactions, Clock.systemUTC());
    }

    CheckpointSigner restartedSigner() {
        return new CheckpointSigner(runtime, "", masterKeyFile, issuer);
    }

    /** An execution log record the chainer has not linked yet. */
    void appendUnchained(String chain) {
        assertThat(chain).isEqualTo(ExecutionLogChain.NAME);
        executionLog.append(new ExecutionLogRecord(null, Instant.now(), "C0001", "tpp-demo-fintech", "demo-kakeibo",
                "grant-1", "GET /v1/accounts", null, 200, null, 1000, new RiskSignals(UUID.randomUUID(), false,
                        "203.0.113.7", "テスト", null, null, "127.0.0.1", Set.of()), null));
    }

    /** A clock a test moves on, for what a node measures itself. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    ChainStatus status(String chain) {
        return verification.verifyFully().stream().filter(s -> s.name().equals(chain)).findFirst().orElseThrow();
    }

    HashChain chain(String name) {
        return chains.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** Appends entries to a chain through the platform's own code, chains them, and returns the head. */
    long append(String chain, int count) {
        for (int i = 0; i < count; i++) {
            switch (chain) {
                case ExecutionLogChain.NAME -> executionLog.append(new ExecutionLogRecord(null, Instant.now(), "C0001",
                        "tpp-demo-fintech", "demo-kakeibo", "grant-1", "GET /v1/accounts", null, 200, null, 1000,
                        new RiskSignals(UUID.randomUUID(), false, "203.0.113.7", "テスト", null, null, "127.0.0.1",
                                Set.of()), null));
                case AuditEventChain.NAME -> auditEvents.append(new AuditEvents.AuditEvent(UUID.randomUUID()
                        .toString(), "transfer.status", Instant.now(), "C0001", "demo-kakeibo", "T-1", "COMPLETED",
                        null, Map.of("amount", 1000)));
                case StaffActionChain.NAME -> staffActions.record("staff-test", "test.action", "t-" + i, "success",
                        Map.of("n", i));
                case ConsentRecordChain.NAME -> grants.open(new NewGrant(UUID.randomUUID().toString(), "C0001",
                        "tpp-demo-fintech", "demo-kakeibo", Set.of("accounts"), List.of("001"),
                        Instant.now().plusSeconds(3600), "ja", "consent", Map.of("tpp", "デモ"), List.of(),
                        new RenderedConsent("consent@test", "0".repeat(64), "上記の内容を確認し、連携に同意します。",
                                "PASSWORD")));
                default -> throw new IllegalArgumentException(chain);
            }
        }
        lateChains.forEach(LateLinkedChain::chainPending);
        return chain(chain).head().orElseThrow().sequenceNumber();
    }

    /** Makes a checkpoint of the chain's head (the schedule is slowed down, so this test's call makes it). */
    Checkpoint checkpointThrough(String chain, long head) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            checkpoints.checkpointAll();
            return checkpoints.latest(chain).map(Checkpoint::count).orElse(0L) == head;
        });
        return checkpoints.latest(chain).orElseThrow();
    }

    Path fileOf(Checkpoint checkpoint) throws IOException {
        try (Stream<Path> walk = Files.walk(files.directory())) {
            return walk.filter(p -> p.getFileName().toString().equals(checkpoint.fileName())).findFirst()
                    .orElseThrow();
        }
    }

    /** The owner changes the chained table with its append-only triggers lifted, as the penetration test did. */
    void asOwner(String chain, String sqlWithTable) {
        String table = TABLES.get(chain);
        asOwnerOn(table, sqlWithTable.formatted(table));
    }

    /** In one transaction, so the platform's chainer sees the table before or after, never between. */
    void asOwnerOn(String table, String... statements) {
        ownerTransactions.executeWithoutResult(tx -> {
            owner.sql("alter table " + table + " disable trigger user").update();
            for (String sql : statements) {
                owner.sql(sql).update();
            }
            owner.sql("alter table " + table + " enable trigger user").update();
        });
    }

    /**
     * Changes an entry and computes every later hash anew: for chains linked after the fact, by emptying the links
     * from there and letting the platform's own chainer link them again; for the staff action log, by hand.
     */
    void rechainFrom(String chain, long changed) {
        String table = TABLES.get(chain);
        if (chain.equals(StaffActionChain.NAME)) {
            ownerTransactions.executeWithoutResult(tx -> {
                owner.sql("alter table staff_action_log disable trigger user").update();
                owner.sql("update staff_action_log set " + CHANGES.get(table) + " where sequence_number = ?")
                        .param(changed).update();
                String previous = owner.sql("select record_hash from staff_action_log where sequence_number = ?")
                        .param(changed - 1).query(String.class).single();
                var entries = owner.sql("select * from staff_action_log where sequence_number >= ?"
                        + " order by sequence_number").param(changed).query(StaffActions::entry).list();
                for (StaffAction entry : entries) {
                    String hash = StaffActionHash.of(entry.sequenceNumber(), previous, entry.occurredAt(),
                            entry.staffId(), entry.action(), entry.target(), entry.outcome(), entry.details());
                    owner.sql("update staff_action_log set previous_hash = ?, record_hash = ? where sequence_number = ?")
                            .params(previous, hash, entry.sequenceNumber()).update();
                    previous = hash;
                }
                owner.sql("alter table staff_action_log enable trigger user").update();
            });
        }
        else {
            asOwnerOn(table, "update " + table + " set " + CHANGES.get(table) + " where sequence_number = " + changed,
                    "update " + table + " set sequence_number = null, previous_hash = null, record_hash = null"
                            + " where sequence_number >= " + changed);
            lateChains.forEach(LateLinkedChain::chainPending);
        }
    }

    List<String> snapshot(String chain, long from) {
        return owner.sql("select to_jsonb(t)::text from " + TABLES.get(chain) + " t where sequence_number >= ?"
                + " order by sequence_number").param(from).query(String.class).list();
    }

    /** Puts the rows back as they were, and the chain verifies again. */
    void restore(String chain, long from, List<String> rows) {
        String table = TABLES.get(chain);
        ownerTransactions.executeWithoutResult(tx -> {
            owner.sql("alter table " + table + " disable trigger user").update();
            owner.sql("delete from " + table + " where sequence_number >= ? or sequence_number is null").param(from)
                    .update();
            for (String row : rows) {
                owner.sql("insert into " + table + " overriding system value select * from jsonb_populate_record(null::"
                        + table + ", cast(? as jsonb))").param(row).update();
            }
            owner.sql("alter table " + table + " enable trigger user").update();
        });
        assertThat(status(chain).status()).as("restored").isEqualTo(Status.INTACT);
        assertThat(meters.get("kakehashi.audit.chain.broken").tag("chain", chain).gauge().value()).isZero();
    }
}
