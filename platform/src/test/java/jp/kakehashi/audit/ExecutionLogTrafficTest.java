package jp.kakehashi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.audit.ExecutionLogVerification.Intact;
import jp.kakehashi.audit.TrafficCount.Period;
import jp.kakehashi.risk.RiskSignals;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/**
 * The console's charts count calls, rejections and errors per TPP from the execution log (F4), and
 * a call's chained party (F2) is kept in the log, chained and protected like the rest of the record.
 */
class ExecutionLogTrafficTest {

    private static ExecutionLogDatabase database;

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
        database.tamper("delete from api_execution_log");
    }

    @Test
    void trafficPerTppWhenCallsInTwoHoursThenCountsCallsRejectionsAndErrorsPerTppAndHour() {
        append("tpp-a", "2026-11-26T01:05:00Z", 200);
        append("tpp-a", "2026-11-26T01:59:59Z", 403);
        append("tpp-a", "2026-11-26T02:00:00Z", 500);
        append("tpp-a", "2026-11-26T02:30:00Z", 429);
        append("tpp-b", "2026-11-26T01:10:00Z", 200);
        append(null, "2026-11-26T01:10:00Z", 401);
        append("tpp-a", "2026-11-26T03:00:00Z", 200); // outside the window

        var counts = database.records.trafficPerTpp(Instant.parse("2026-11-26T01:00:00Z"),
                Instant.parse("2026-11-26T03:00:00Z"), Period.HOUR);

        assertThat(counts).containsExactly(
                new TrafficCount("tpp-a", Instant.parse("2026-11-26T01:00:00Z"), 2, 1, 0),
                new TrafficCount("tpp-a", Instant.parse("2026-11-26T02:00:00Z"), 2, 1, 1),
                new TrafficCount("tpp-b", Instant.parse("2026-11-26T01:00:00Z"), 1, 0, 0));
    }

    @Test
    void trafficPerTppWhenDaysCountedThenBusinessDaysStartAtMidnightInTokyo() {
        append("tpp-a", "2026-11-25T14:59:59Z", 200); // 23:59:59 on the 25th in Tokyo
        append("tpp-a", "2026-11-25T15:00:00Z", 200); // midnight of the 26th in Tokyo
        append("tpp-a", "2026-11-26T10:00:00Z", 503);

        var counts = database.records.trafficPerTpp(Instant.parse("2026-11-24T15:00:00Z"),
                Instant.parse("2026-11-26T15:00:00Z"), Period.DAY);

        assertThat(counts).containsExactly(
                new TrafficCount("tpp-a", Instant.parse("2026-11-24T15:00:00Z"), 1, 0, 0),
                new TrafficCount("tpp-a", Instant.parse("2026-11-25T15:00:00Z"), 2, 0, 1));
    }

    @Test
    void chainPendingWhenRecordNamesChainedPartyThenItIsKeptHashedAndCannotBeChanged() {
        long own = database.records.append(record("tpp-a", Instant.now(), 200, null));
        long chained = database.records.append(record("tpp-a", Instant.now(), 200, "party-1"));

        database.chain(10).chainPending();

        assertThat(new ExecutionLogVerification(database.chain(10), database.records).verify()).isEqualTo(new Intact(2, 0));
        assertThat(database.jdbc.sql("select chained_party_id from api_execution_log where id = ?").param(chained)
                .query(String.class).single()).isEqualTo("party-1");
        assertThat(database.jdbc.sql("select chained_party_id from api_execution_log where id = ?").param(own)
                .query(String.class).optional()).isEmpty();
        assertThatThrownBy(() -> database.jdbc.sql("update api_execution_log set chained_party_id = 'other' where id = ?")
                .param(chained).update()).isInstanceOf(DataAccessException.class);

        database.tamper("update api_execution_log set chained_party_id = 'other' where id = ?", chained);
        assertThat(new ExecutionLogVerification(database.chain(10), database.records).verify())
                .isInstanceOf(ExecutionLogVerification.Broken.class);
    }

    private static void append(String tppId, String at, int status) {
        database.records.append(record(tppId, Instant.parse(at), status, null));
    }

    private static ExecutionLogRecord record(String tppId, Instant at, int status, String chainedPartyId) {
        var signals = new RiskSignals(UUID.randomUUID(), false, null, null, null, null, "127.0.0.1", Set.of());
        return new ExecutionLogRecord(null, at, null, tppId, tppId == null ? null : "client-1", null,
                "GET /v1/accounts", null, status, status == 200 ? null : "SOME_ERROR", 100, signals, null,
                chainedPartyId);
    }
}
