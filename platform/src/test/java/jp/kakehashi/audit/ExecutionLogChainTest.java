package jp.kakehashi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.kakehashi.audit.ExecutionLogVerification.Broken;
import jp.kakehashi.audit.ExecutionLogVerification.Intact;
import jp.kakehashi.risk.RiskSignals;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** C1: the execution log is append-only, chained without forks by any number of chainers, and verifiable. */
class ExecutionLogChainTest {

    private static ExecutionLogDatabase database;

    private ExecutionLogVerification verification;

    @BeforeAll
    static void startDatabase() throws Exception {
        database = new ExecutionLogDatabase();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        database.close();
    }

    @BeforeEach
    void emptyLog() {
        // a fresh log per test: only the test may lift the append-only rule
        database.tamper("delete from api_execution_log");
        verification = new ExecutionLogVerification(database.chain(1000), database.records);
    }

    @Test
    void chainPendingWhenRecordsAppendedThenEveryOneIsChainedInBatchesAndTheChainVerifies() {
        for (int i = 0; i < 25; i++) {
            database.records.append(record("C0001", 200));
        }
        assertThat(verification.verify()).isEqualTo(new Intact(0, 25));

        int chained = database.chain(10).chainPending();

        assertThat(chained).isEqualTo(25);
        assertThat(verification.verify()).isEqualTo(new Intact(25, 0));
        assertThat(database.jdbc.sql("select sequence_number from api_execution_log order by id")
                .query(Long.class).list()).isEqualTo(java.util.stream.LongStream.rangeClosed(1, 25).boxed().toList());
        assertThat(database.jdbc.sql("select previous_hash from api_execution_log where sequence_number = 1")
                .query(String.class).single()).isEqualTo("0".repeat(64));
    }

    @Test
    void chainPendingWhenTwoNodesAppendAndChainConcurrentlyThenOneChainWithoutGapsOrForks() throws Exception {
        var nodeA = database.chain(7);
        var nodeB = database.chain(7);
        try (var threads = Executors.newFixedThreadPool(8)) {
            List<Future<?>> work = new ArrayList<>();
            for (int writer = 0; writer < 6; writer++) {
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        database.records.append(record("C0002", 200));
                    }
                }));
            }
            for (var node : List.of(nodeA, nodeB)) {
                work.add(threads.submit((Callable<Integer>) () -> {
                    int total = 0;
                    for (int i = 0; i < 40; i++) {
                        total += node.chainPending();
                    }
                    return total;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        }
        nodeA.chainPending();

        assertThat(verification.verify()).isEqualTo(new Intact(300, 0));
    }

    @Test
    void verifyWhenChainedRecordChangedThenReportsExactlyThatRecord() {
        List<Long> ids = appendAndChain(5);

        // the 404 of the fourth call made to look like a success
        database.tamper("update api_execution_log set http_status = 200, error_code = null where id = ?", ids.get(3));

        var result = verification.verify();
        assertThat(result).isInstanceOf(Broken.class);
        assertThat((Broken) result).extracting(Broken::recordId, Broken::sequenceNumber)
                .containsExactly(ids.get(3), 4L);
        assertThat(((Broken) result).reason()).contains("does not give its hash");
    }

    @Test
    void verifyWhenChangedRecordWasRehashedThenTheNextLinkIsReported() {
        List<Long> ids = appendAndChain(4);
        database.tamper("update api_execution_log set customer_id = 'C0003' where id = ?", ids.get(1));
        var forged = database.records.chainedAfter(1, 1).getFirst();

        database.tamper("update api_execution_log set record_hash = ? where id = ?",
                RecordHash.of(forged, 2, forged.link().previousHash()), ids.get(1));

        var result = (Broken) verification.verify();
        assertThat(result.recordId()).isEqualTo(ids.get(2));
        assertThat(result.reason()).contains("does not follow the hash of entry 2");
    }

    @Test
    void verifyWhenChainedRecordRemovedThenReportsTheGapAtTheFollowingRecord() {
        List<Long> ids = appendAndChain(4);

        database.tamper("delete from api_execution_log where id = ?", ids.get(1));

        var result = (Broken) verification.verify();
        assertThat(result.recordId()).isEqualTo(ids.get(2));
        assertThat(result.sequenceNumber()).isEqualTo(3);
        assertThat(result.reason()).contains("entry 2 is missing");
    }

    @Test
    void updateOrDeleteWhenTriggersOnThenPostgresRefusesEvenBeforeChaining() {
        long unchained = database.records.append(record("C0001", 200));
        List<Long> chained = appendAndChain(1);
        var owner = JdbcClient.create(database.database.owner());

        // the platform's own role: refused by privilege; the owner, with the triggers on: refused by the trigger
        assertThatThrownBy(() -> database.jdbc.sql("update api_execution_log set http_status = 500 where id = ?")
                .param(chained.getFirst()).update()).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> owner.sql("update api_execution_log set http_status = 500 where id = ?")
                .param(chained.getFirst()).update()).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("api_execution_log is append-only: UPDATE refused");
        for (JdbcClient role : List.of(database.jdbc, owner)) {
            assertThatThrownBy(() -> role.sql("delete from api_execution_log where id = ?")
                    .param(chained.getFirst()).update()).isInstanceOf(DataAccessException.class);
            assertThatThrownBy(() -> role.sql("truncate api_execution_log").update())
                    .isInstanceOf(DataAccessException.class);
        }
        // the chain's one allowed update may not change content along with it
        assertThatThrownBy(() -> owner.sql("""
                update api_execution_log set sequence_number = 99, previous_hash = 'x', record_hash = 'y',
                    customer_id = 'C0003' where id = ?""").param(unchained).update())
                .isInstanceOf(DataAccessException.class);
        assertThat(database.jdbc.sql("select count(*) from api_execution_log").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void chainColumnsWhenTheRuntimeRoleWritesALinkThatDoesNotJoinTheChainThenRefused() {
        List<Long> chained = appendAndChain(2);
        long unchained = database.records.append(record("C0001", 200));
        String head = database.jdbc.sql("select record_hash from api_execution_log where sequence_number = 2")
                .query(String.class).single();
        String hash = "a".repeat(64);

        // taken out of the chain's reach for good: a position at or below 0, or far ahead with no predecessor
        for (long position : List.of(-1L, 0L, 100L)) {
            assertThatThrownBy(() -> database.jdbc.sql("update api_execution_log set sequence_number = ?,"
                    + " previous_hash = ?, record_hash = ? where id = ?").params(position, head, hash, unchained)
                    .update()).as("position %d", position).isInstanceOf(DataAccessException.class);
        }
        // the next position, but not after its predecessor's hash; or not hashes at all
        assertThatThrownBy(() -> database.jdbc.sql("update api_execution_log set sequence_number = 3,"
                + " previous_hash = ?, record_hash = ? where id = ?").params("b".repeat(64), hash, unchained).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> database.jdbc.sql("update api_execution_log set sequence_number = 3,"
                + " previous_hash = ?, record_hash = 'y' where id = ?").params(head, unchained).update())
                .isInstanceOf(DataAccessException.class);
        // a record inserted with its own link
        assertThatThrownBy(() -> database.jdbc.sql("""
                insert into api_execution_log (recorded_at, operation, http_status, interaction_id,
                    interaction_id_generated, invalid_headers, duration_micros, sequence_number, previous_hash,
                    record_hash)
                values (now(), 'GET /v1/accounts', 200, gen_random_uuid(), false, '{}', 1, -5, ?, ?)""")
                .params(head, hash).update()).hasStackTraceContaining("inserted unchained");

        assertThat(database.chain(1000).countUnchained()).isEqualTo(1);
        assertThat(database.chain(1000).chainPending()).isEqualTo(1);
        assertThat(verification.verify()).isEqualTo(new Intact(3, 0));
        assertThat(chained).hasSize(2);
    }

    @Test
    void recordHashWhenAnyFieldDiffersThenHashDiffers() {
        var a = record("C0001", 200);
        var b = new ExecutionLogRecord(a.id(), a.recordedAt(), "~", a.tppId(), a.clientId(), a.grantId(),
                a.operation(), a.resourceId(), a.httpStatus(), a.errorCode(), a.durationMicros(), a.signals(), null);
        var c = new ExecutionLogRecord(a.id(), a.recordedAt(), null, a.tppId(), a.clientId(), a.grantId(),
                a.operation(), a.resourceId(), a.httpStatus(), a.errorCode(), a.durationMicros(), a.signals(), null);

        assertThat(RecordHash.of(a, 1, RecordHash.GENESIS)).isEqualTo(RecordHash.of(a, 1, RecordHash.GENESIS))
                .isNotEqualTo(RecordHash.of(a, 2, RecordHash.GENESIS))
                .isNotEqualTo(RecordHash.of(b, 1, RecordHash.GENESIS));
        assertThat(RecordHash.of(b, 1, RecordHash.GENESIS)).isNotEqualTo(RecordHash.of(c, 1, RecordHash.GENESIS));
    }

    private List<Long> appendAndChain(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(database.records.append(record("C0001", i % 2 == 0 ? 200 : 404)));
        }
        database.chain(1000).chainPending();
        return ids;
    }

    private static ExecutionLogRecord record(String customerId, int status) {
        var signals = new RiskSignals(UUID.randomUUID(), false, "203.0.113.7", "Mozilla/5.0 テスト",
                Instant.parse("2026-01-05T01:02:03Z"), 1, "127.0.0.1", Set.of("x-fapi-auth-date"));
        return new ExecutionLogRecord(null, Instant.now(), customerId, "tpp-1", "client-1", "grant-1",
                "GET /v1/accounts/{accountId}/balances", "001010000001", status,
                status == 200 ? null : "ACCOUNT_NOT_FOUND", 1234, signals, null);
    }
}
