package jp.kakehashi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.micrometer.core.instrument.MeterRegistry;
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
 * C1, C4, D5 against a database insider: for every chain, someone connected as the tables' OWNER lifts the
 * append-only trigger and (a) deletes the last entries, (b) changes an entry and computes every later hash anew, or
 * (c) changes an entry without re-hashing. The verification names the chain BROKEN at the right place, and the
 * {@code auditchains} endpoint says so; a forged checkpoint, in the table or as a file, is tampering too. After each
 * case the owner puts the rows back and the chain verifies again. The owner removing checkpoint rows is caught by
 * the files, a planted or removed checkpoint key neither loads nor is replaced, and a held advisory lock that stops
 * chaining or checkpointing is reported as a stall. A context of its own (its own database and checkpoint folder)
 * with the schedules slowed down, so only the test makes checkpoints and verifies; a "restarted node" is a
 * verification built anew on the same beans, with a clock the test moves.
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
class EvidenceTamperingTest {

    private static final Map<String, String> TABLES = Map.of(ExecutionLogChain.NAME, "api_execution_log",
            AuditEventChain.NAME, "audit_events", StaffActionChain.NAME, "staff_action_log",
            ConsentRecordChain.NAME, "consent_record");
    /** A change of content per table that the owner could make. */
    private static final Map<String, String> CHANGES = Map.of(
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

    private JdbcClient owner;
    private TransactionTemplate ownerTransactions;

    @BeforeEach
    void connectAsOwnerWhileEveryChainIsIntact() {
        var dataSource = postgres.getDatabase(EmbeddedDatabaseRoles.OWNER, EmbeddedDatabaseRoles.DATABASE);
        owner = JdbcClient.create(dataSource);
        ownerTransactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        assertThat(owner.sql("select current_user").query(String.class).single()).isEqualTo("kakehashi_owner");
        assertThat(verification.verifyFully()).allSatisfy(s -> assertThat(s.status()).as(s.toString())
                .isEqualTo(Status.INTACT));
    }

    @ParameterizedTest
    @ValueSource(strings = {ExecutionLogChain.NAME, AuditEventChain.NAME, StaffActionChain.NAME,
            ConsentRecordChain.NAME})
    void verifyWhenOwnerDeletesTheLastEntriesThenBrokenAtTheFirstMissingOne(String chain) {
        long head = append(chain, 5);
        checkpointThrough(chain, head);
        var snapshot = snapshot(chain, head - 1);

        try {
            asOwner(chain, "delete from %s where sequence_number > " + (head - 2));

            assertBroken(chain, head - 1, "missing");
        }
        finally {
            restore(chain, head - 1, snapshot);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ExecutionLogChain.NAME, AuditEventChain.NAME, StaffActionChain.NAME,
            ConsentRecordChain.NAME})
    void verifyWhenOwnerChangesAnEntryAndRechainsEveryLaterHashThenBrokenAfterTheLastMatchingCheckpoint(
            String chain) {
        long first = append(chain, 3);
        checkpointThrough(chain, first);
        long second = append(chain, 3);
        checkpointThrough(chain, second);
        long changed = first + 2;
        var snapshot = snapshot(chain, changed);

        try {
            rechainFrom(chain, changed);

            assertThat(ChainWalk.fromStart(chain(chain)).intact()).as("the walk alone sees nothing").isTrue();
            assertBroken(chain, first + 1, "re-hashed");
        }
        finally {
            restore(chain, changed, snapshot);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ExecutionLogChain.NAME, AuditEventChain.NAME, StaffActionChain.NAME,
            ConsentRecordChain.NAME})
    void verifyWhenOwnerChangesAnEntryWithoutRechainingThenBrokenAtThatEntry(String chain) {
        long head = append(chain, 3);
        checkpointThrough(chain, head);
        long changed = head - 1;
        var snapshot = snapshot(chain, changed);

        try {
            asOwner(chain, "update %s set " + CHANGES.get(TABLES.get(chain)) + " where sequence_number = " + changed);

            assertBroken(chain, changed, "changed");
        }
        finally {
            restore(chain, changed, snapshot);
        }
    }

    @Test
    void verifyWhenACheckpointInTheTableIsForgedThenBroken() {
        String chain = ExecutionLogChain.NAME;
        long head = append(chain, 2);
        Checkpoint real = checkpointThrough(chain, head);
        // the real signature over other claims: a count far ahead, as if the log had been longer
        String[] parts = real.jws().split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"x\",\"iat\":" + real.madeAt().getEpochSecond() + ",\"chain\":\"" + chain
                        + "\",\"count\":" + (head + 100) + ",\"head_hash\":\"" + real.headHash() + "\"}").getBytes());
        String forged = parts[0] + "." + forgedPayload + "." + parts[2];
        // the runtime role may insert checkpoints: only the signature makes one
        JdbcClient.create(postgres.getDatabase(EmbeddedDatabaseRoles.RUNTIME, EmbeddedDatabaseRoles.DATABASE))
                .sql("""
                        insert into audit_checkpoint (chain, count, head_hash, made_at, jws, file_name)
                        values (?, ?, ?, ?, ?, ?)""").params(chain, head + 100, real.headHash(),
                        java.sql.Timestamp.from(real.madeAt()), forged,
                        CheckpointFiles.fileName(chain, head + 100, real.madeAt())).update();

        try {
            assertBroken(chain, head + 100, head, "signature");
            // the forged row is skipped, not taken for the latest checkpoint: checkpointing goes on
            assertThat(checkpoints.latest(chain)).map(Checkpoint::count).contains(head);
            long next = append(chain, 2);
            assertThat(checkpoints.checkpointAll()).anySatisfy(made -> {
                assertThat(made.chain()).isEqualTo(chain);
                assertThat(made.count()).isEqualTo(next);
            });
            assertThat(checkpoints.latest(chain)).map(Checkpoint::count).contains(next);
            assertThat(checkpoints.latest(chain, 10)).filteredOn(listed -> !listed.signed()).singleElement()
                    .satisfies(listed -> assertThat(listed.checkpoint().count()).isEqualTo(head + 100));
        }
        finally {
            asOwnerOn("audit_checkpoint", "delete from audit_checkpoint where count = " + (head + 100)
                    + " and chain = '" + chain + "'");
        }
        assertThat(status(chain).status()).isEqualTo(Status.INTACT);
    }

    @Test
    void checkpointWhenMadeThenOneFileEachNeverOverwrittenAndAnAlteredFileIsTampering() throws IOException {
        String chain = StaffActionChain.NAME;
        long head = append(chain, 1);
        Checkpoint made = checkpointThrough(chain, head);

        Path file = fileOf(made);
        assertThat(Files.readString(file).strip()).isEqualTo(made.jws());
        assertThat(checkpoints.download(made.fileName())).contains(made.jws());
        List<Path> all;
        try (Stream<Path> walk = Files.walk(files.directory().resolve(chain))) {
            all = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(all).hasSameSizeAs(checkpoints.latest(chain, 1000));
        var other = new Checkpoint(made.chain(), made.count(), made.headHash(), made.madeAt(), made.jws() + "x",
                made.fileName());
        assertThatThrownBy(() -> files.write(other)).isInstanceOf(IOException.class);
        assertThat(Files.readString(file).strip()).isEqualTo(made.jws());

        // an altered file next to the real ones (a copy whose signature no longer matches)
        Path altered = file.resolveSibling(CheckpointFiles.fileName(chain, head + 7, made.madeAt()));
        Files.writeString(altered, made.jws().substring(0, made.jws().length() - 4) + "AAAA\n");
        try {
            assertBroken(chain, head + 7, head, "file");
        }
        finally {
            Files.delete(altered);
        }
        // what a file system or object store leaves beside the checkpoints is not a checkpoint
        Path stray = file.resolveSibling(".nfs000000000123abcd");
        Path marker = files.directory().resolve(chain).resolve("folder.marker");
        Files.writeString(stray, "x");
        Files.writeString(marker, "");
        try {
            assertThat(status(chain).status()).isEqualTo(Status.INTACT);
        }
        finally {
            Files.delete(stray);
            Files.delete(marker);
        }
        assertThat(status(chain).status()).isEqualTo(Status.INTACT);
    }

    @Test
    void verifyWhenDayFoldersAreDatedInTheFutureThenACheapTurnStillReadsTheNewestRealOnes() throws IOException {
        String chain = StaffActionChain.NAME;
        var node = restartedNode(new MutableClock(Instant.now()));
        long head = append(chain, 1);
        Checkpoint made = checkpointThrough(chain, head);
        assertThat(statusOf(node.verifyRecent(), chain).status()).isEqualTo(Status.INTACT);
        Path chainDirectory = files.directory().resolve(chain);
        List<Path> future = List.of(chainDirectory.resolve("2999-01-01"), chainDirectory.resolve("2998-12-31"));
        for (Path folder : future) {
            Files.createDirectories(folder);
        }
        Path altered = fileOf(made).resolveSibling(CheckpointFiles.fileName(chain, head + 3, made.madeAt()));
        Files.writeString(altered, made.jws().substring(0, made.jws().length() - 4) + "AAAA\n");
        try {
            ChainStatus status = statusOf(node.verifyRecent(), chain);
            assertThat(status.status()).as(status.toString()).isEqualTo(Status.BROKEN);
            assertThat(status.firstBroken()).isEqualTo(head + 3);
        }
        finally {
            Files.delete(altered);
            for (Path folder : future) {
                Files.delete(folder);
            }
        }
    }

    @Test
    void verifyWhenTheOwnerDeletesTheCheckpointRowsAndTruncatesThenTheFilesCatchItAndNothingIsSigned() {
        String chain = AuditEventChain.NAME;
        long head = append(chain, 4);
        checkpointThrough(chain, head);
        List<String> rows = owner.sql("select to_jsonb(c)::text from audit_checkpoint c where chain = ? order by id")
                .param(chain).query(String.class).list();
        var snapshot = snapshot(chain, head - 1);

        try {
            asOwnerOn("audit_checkpoint", "delete from audit_checkpoint where chain = '" + chain + "'");
            asOwner(chain, "delete from %s where sequence_number > " + (head - 2));

            // a node that starts now knows only what the table and the directory hold: the files say what was
            ChainStatus status = statusOf(restartedNode(new MutableClock(Instant.now())).verifyFully(), chain);
            assertThat(status.status()).as(status.toString()).isEqualTo(Status.BROKEN);
            assertThat(status.firstBroken()).isEqualTo(head - 1);
            assertThat(status.reason()).contains("missing");
            // and its checkpoints do not sign the shortened chain as if it were the whole
            assertThat(restartedCheckpoints().checkpointAll()).noneSatisfy(made -> assertThat(made.chain())
                    .isEqualTo(chain));
            assertBroken(chain, head - 1, "missing");
        }
        finally {
            String[] inserts = rows.stream().map(row -> "insert into audit_checkpoint overriding system value select *"
                    + " from jsonb_populate_record(null::audit_checkpoint, '" + row + "'::jsonb)")
                    .toArray(String[]::new);
            asOwnerOn("audit_checkpoint", inserts);
            restore(chain, head - 1, snapshot);
        }
    }

    @Test
    void checkpointKeyWhenItsRowIsReplacedOrDeletedThenNodesLoadTheRealOneOrRefuseToMakeAnother() throws Exception {
        List<String> keys = owner.sql("select to_jsonb(k)::text from audit_checkpoint_key k").query(String.class)
                .list();
        checkpointThrough(StaffActionChain.NAME, append(StaffActionChain.NAME, 1));
        String kid = signer.publicKeys().getKeys().getFirst().getKeyID();
        try {
            // rows that do not open under the master key (which the database never holds) are skipped, whatever
            // their date says
            asOwnerOn("audit_checkpoint_key",
                    "insert into audit_checkpoint_key values ('checkpoint-planted-1', 'AAAA', '-infinity')",
                    "insert into audit_checkpoint_key values ('checkpoint-planted-2', 'AAAA', 'infinity')");
            assertThat(restartedSigner().publicKeys().getKeys().getFirst().getKeyID()).isEqualTo(kid);

            asOwnerOn("audit_checkpoint_key", "delete from audit_checkpoint_key where kid = '" + kid + "'");
            assertThatThrownBy(this::restartedSigner).hasMessageContaining("No checkpoint key");
            try (var connection = postgres.getDatabase(EmbeddedDatabaseRoles.OWNER, EmbeddedDatabaseRoles.DATABASE)
                    .getConnection()) {
                assertThatThrownBy(() -> new CheckpointKeyCreation("", masterKeyFile, files).ensureKey(connection))
                        .hasMessageContaining("checkpoints exist");
            }
            assertThat(owner.sql("select count(*) from audit_checkpoint_key where kid not like 'checkpoint-planted%'")
                    .query(Long.class).single()).isZero();
        }
        finally {
            List<String> statements = new java.util.ArrayList<>(List.of("delete from audit_checkpoint_key"));
            keys.forEach(key -> statements.add("insert into audit_checkpoint_key select * from"
                    + " jsonb_populate_record(null::audit_checkpoint_key, '" + key + "'::jsonb)"));
            asOwnerOn("audit_checkpoint_key", statements.toArray(String[]::new));
        }
        assertThat(restartedSigner().publicKeys().getKeys().getFirst().getKeyID()).isEqualTo(kid);
    }

    @Test
    void verifyWhenAHeldAdvisoryLockStopsCheckpointingThenReportedAsAStallUntilItIsReleased() throws Exception {
        String chain = AuditEventChain.NAME;
        var clock = new MutableClock(Instant.now());
        var node = restartedNode(clock);
        long head = append(chain, 1);
        checkpointThrough(chain, head);
        assertThat(statusOf(node.verifyRecent(), chain).status()).isEqualTo(Status.INTACT);
        long later;
        try (var holder = postgres.getDatabase(EmbeddedDatabaseRoles.RUNTIME, EmbeddedDatabaseRoles.DATABASE)
                .getConnection(); var statement = holder.createStatement()) {
            // any role may hold it, for as long as it likes
            statement.execute("select pg_advisory_lock(" + 0x4b414b45434b5054L + ")");
            later = append(chain, 2);
            assertThat(checkpoints.checkpointAll()).isEmpty();
            assertThat(statusOf(node.verifyRecent(), chain).status()).isEqualTo(Status.INTACT);

            clock.advance(Duration.ofMinutes(6));
            ChainStatus stalled = statusOf(node.verifyRecent(), chain);

            assertThat(stalled.status()).as(stalled.toString()).isEqualTo(Status.BROKEN);
            assertThat(stalled.firstBroken()).isEqualTo(head + 1);
            assertThat(stalled.checkedThrough()).isEqualTo(head);
            assertThat(stalled.stalled()).isTrue();
            assertThat(stalled.tampered()).isFalse();
            assertThat(stalled.reason()).contains("not checkpointed since");
            assertThat(checkpoints.lockMisses().consecutive()).isPositive();
            statement.execute("select pg_advisory_unlock(" + 0x4b414b45434b5054L + ")");
        }
        checkpointThrough(chain, later);
        assertThat(statusOf(node.verifyRecent(), chain).status()).isEqualTo(Status.INTACT);
    }

    @Test
    void verifyWhenAHeldAdvisoryLockStopsChainingThenReportedAsAStall() throws Exception {
        String chain = ExecutionLogChain.NAME;
        var clock = new MutableClock(Instant.now());
        var node = restartedNode(clock);
        long head = append(chain, 1);
        checkpointThrough(chain, head);
        try (var holder = postgres.getDatabase(EmbeddedDatabaseRoles.RUNTIME, EmbeddedDatabaseRoles.DATABASE)
                .getConnection(); var statement = holder.createStatement()) {
            statement.execute("select pg_advisory_lock(" + 0x4b414b4541554454L + ")");
            appendUnchained(chain);
            assertThat(statusOf(node.verifyRecent(), chain).status()).isEqualTo(Status.INTACT);

            clock.advance(Duration.ofMinutes(2));
            ChainStatus stalled = statusOf(node.verifyRecent(), chain);

            assertThat(stalled.status()).as(stalled.toString()).isEqualTo(Status.BROKEN);
            assertThat(stalled.firstBroken()).isEqualTo(head + 1);
            assertThat(stalled.stalled()).isTrue();
            assertThat(stalled.reason()).contains("unchained since");
            // released now, not when the server notices the closed connection
            statement.execute("select pg_advisory_unlock(" + 0x4b414b4541554454L + ")");
        }
        lateChains.forEach(LateLinkedChain::chainPending);
        ChainStatus after = statusOf(node.verifyRecent(), chain);
        assertThat(after.status()).as(after.toString()).isEqualTo(Status.INTACT);
    }

    @Test
    void verifyWhenEntriesThisNodeWalkedAreRechainedBeforeAnyCheckpointThenBrokenNotWalkedAgainSilently() {
        String chain = ConsentRecordChain.NAME;
        var node = restartedNode(new MutableClock(Instant.now()));
        long checkpointed = append(chain, 2);
        checkpointThrough(chain, checkpointed);
        long head = append(chain, 3);
        assertThat(statusOf(node.verifyRecent(), chain).status()).isEqualTo(Status.INTACT);
        var snapshot = snapshot(chain, head - 1);

        try {
            rechainFrom(chain, head - 1);

            ChainStatus status = statusOf(node.verifyRecent(), chain);
            assertThat(status.status()).as(status.toString()).isEqualTo(Status.BROKEN);
            assertThat(status.firstBroken()).isEqualTo(checkpointed + 1);
            assertThat(status.reason()).contains("no longer has the hash");
        }
        finally {
            restore(chain, head - 1, snapshot);
        }
    }

    // ---- helpers

    private void assertBroken(String chain, long firstBroken, String reasonWord) {
        assertBroken(chain, firstBroken, firstBroken - 1, reasonWord);
    }

    /** Broken at {@code firstBroken}, verified through {@code checkedThrough}: never beyond what was walked. */
    private void assertBroken(String chain, long firstBroken, long checkedThrough, String reasonWord) {
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

    private static ChainStatus statusOf(List<ChainStatus> statuses, String chain) {
        return statuses.stream().filter(s -> s.name().equals(chain)).findFirst().orElseThrow();
    }

    /** A node's verification as it starts: nothing known but what the table and the directory hold. */
    private ChainVerification restartedNode(Clock clock) {
        return new ChainVerification(chains, restartedCheckpoints(), files, signer, clock,
                new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class), Duration.ofHours(6),
                Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO);
    }

    private Checkpoints restartedCheckpoints() {
        return new Checkpoints(chains, signer, files, runtime, transactions, Clock.systemUTC());
    }

    private CheckpointSigner restartedSigner() {
        return new CheckpointSigner(runtime, "", masterKeyFile, issuer);
    }

    /** An execution log record the chainer has not linked yet. */
    private void appendUnchained(String chain) {
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

    private ChainStatus status(String chain) {
        return verification.verifyFully().stream().filter(s -> s.name().equals(chain)).findFirst().orElseThrow();
    }

    private HashChain chain(String name) {
        return chains.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** Appends entries to a chain through the platform's own code, chains them, and returns the head. */
    private long append(String chain, int count) {
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
    private Checkpoint checkpointThrough(String chain, long head) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            checkpoints.checkpointAll();
            return checkpoints.latest(chain).map(Checkpoint::count).orElse(0L) == head;
        });
        return checkpoints.latest(chain).orElseThrow();
    }

    private Path fileOf(Checkpoint checkpoint) throws IOException {
        try (Stream<Path> walk = Files.walk(files.directory())) {
            return walk.filter(p -> p.getFileName().toString().equals(checkpoint.fileName())).findFirst()
                    .orElseThrow();
        }
    }

    /** The owner changes the chained table with its append-only triggers lifted, as the penetration test did. */
    private void asOwner(String chain, String sqlWithTable) {
        String table = TABLES.get(chain);
        asOwnerOn(table, sqlWithTable.formatted(table));
    }

    /** In one transaction, so the platform's chainer sees the table before or after, never between. */
    private void asOwnerOn(String table, String... statements) {
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
    private void rechainFrom(String chain, long changed) {
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

    private List<String> snapshot(String chain, long from) {
        return owner.sql("select to_jsonb(t)::text from " + TABLES.get(chain) + " t where sequence_number >= ?"
                + " order by sequence_number").param(from).query(String.class).list();
    }

    /** Puts the rows back as they were, and the chain verifies again. */
    private void restore(String chain, long from, List<String> rows) {
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
