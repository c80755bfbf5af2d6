package jp.kakehashi.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff action log (C4 職員の操作ログ), append-only and hash-chained. The console records every sign-in, sign-out
 * and state-changing request here, and handlers record what they know better (a suspension requested, an export
 * downloaded). A record joins the caller's transaction, so an action rolled back leaves no entry claiming it
 * happened; an advisory lock held to the end of that transaction keeps one chain across nodes.
 */
@Service
public class StaffActions {

    // "KAKESTAF": the advisory lock of the staff action log's chain head
    private static final long CHAIN_LOCK = 0x4b414b4553544146L;
    private static final JsonMapper JSON = new JsonMapper();

    private final JdbcClient jdbc;
    private final Clock clock;

    public StaffActions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends one entry; details are stored as a JSON object with sorted keys (no secrets, no customer data). */
    @Transactional
    public StaffAction record(String staffId, String action, String target, String outcome, Map<String, ?> details) {
        String detailsJson = JSON.writeValueAsString(new TreeMap<>(details == null ? Map.of() : details));
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query(Object.class).single();
        var head = jdbc.sql("select sequence_number, record_hash from staff_action_log order by sequence_number desc"
                + " limit 1").query((rs, row) -> Map.entry(rs.getLong(1), rs.getString(2))).optional();
        long sequence = head.map(Map.Entry::getKey).orElse(0L) + 1;
        String previous = head.map(Map.Entry::getValue).orElse(StaffActionHash.GENESIS);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = StaffActionHash.of(sequence, previous, now, staffId, action, target, outcome, detailsJson);
        jdbc.sql("""
                insert into staff_action_log (sequence_number, occurred_at, staff_id, action, target, outcome, details,
                                              previous_hash, record_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(sequence, Timestamp.from(now), staffId, action, target, outcome, detailsJson, previous, hash)
                .update();
        return new StaffAction(sequence, now, staffId, action, target, outcome, detailsJson, previous, hash);
    }

    /** The entries matching the query, oldest first. */
    public List<StaffAction> query(StaffActionQuery query) {
        return jdbc.sql("""
                select * from staff_action_log
                where occurred_at >= ? and occurred_at < ?
                  and (cast(? as text) is null or staff_id = ?) and (cast(? as text) is null or target = ?)
                order by sequence_number""")
                .params(Arrays.asList(Timestamp.from(query.from()), Timestamp.from(query.to()), query.staffId(),
                        query.staffId(), query.target(), query.target()))
                .query(StaffActions::entry).list();
    }

    /** When the log's first entry was made; empty while it is empty. */
    public Optional<Instant> firstEntryAt() {
        return jdbc.sql("select min(occurred_at) from staff_action_log")
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single();
    }

    /** The most recent entries, newest first. */
    public List<StaffAction> latest(int limit) {
        return jdbc.sql("select * from staff_action_log order by sequence_number desc limit ?").param(limit)
                .query(StaffActions::entry).list();
    }

    /**
     * Recomputes the whole chain ({@link ChainWalk}); empty when intact, else the sequence number of the first entry
     * that does not match its content or its predecessor, or the first one missing (a gap means entries were removed).
     * Truncation and re-chaining show only against the signed checkpoints ({@link ChainVerification}).
     */
    public Optional<Long> firstBrokenEntry() {
        return Optional.ofNullable(ChainWalk.fromStart(new StaffActionChain(jdbc)).firstBroken());
    }

    /** SHA-256 over the given entries' record hashes in order: a fingerprint of exactly what a reviewer saw. */
    public static String fingerprint(List<StaffAction> entries) {
        StringBuilder hashes = new StringBuilder(entries.size() * 65);
        entries.forEach(entry -> hashes.append(entry.recordHash()).append('\n'));
        return StaffActionHash.sha256(hashes.toString());
    }

    /** SHA-256 of bytes, lower-case hex (an exported file's fingerprint). */
    public static String sha256(byte[] bytes) {
        return StaffActionHash.sha256(bytes);
    }

    static StaffAction entry(ResultSet rs, int row) throws SQLException {
        return new StaffAction(rs.getLong("sequence_number"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("staff_id"), rs.getString("action"), rs.getString("target"), rs.getString("outcome"),
                rs.getString("details"), rs.getString("previous_hash"), rs.getString("record_hash"));
    }
}
