package jp.kakehashi.authorization.replay;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of {@code seen_jti}: a batch of uses inserted by one statement, and the expired ones deleted in bounded
 * batches.
 */
final class SeenJtiRows {

    static final int DELETE_BATCH = 5_000;
    static final int MAX_DELETE_BATCHES = 50;

    private final JdbcClient jdbc;

    SeenJtiRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One use of a one-time JWT.
     *
     * @param kind      {@code seen_jti.kind}
     * @param digest    the digest of scope and jti
     * @param expiresAt when the row may go
     */
    record Row(String kind, String digest, Instant expiresAt) {

        String key() {
            return kind + " " + digest;
        }
    }

    /**
     * Inserts the rows that are not there yet, in one statement ({@code ON CONFLICT DO NOTHING}: the primary key
     * decides, atomically, also against other nodes); the keys of those inserted.
     */
    Set<String> insertNew(List<Row> rows) {
        String[] kinds = new String[rows.size()];
        String[] digests = new String[rows.size()];
        long[] expiries = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            kinds[i] = rows.get(i).kind();
            digests[i] = rows.get(i).digest();
            expiries[i] = rows.get(i).expiresAt().toEpochMilli();
        }
        return new HashSet<>(jdbc.sql("""
                insert into seen_jti (kind, jti, expires_at)
                select kind, jti, to_timestamp(expires_ms / 1000.0)
                  from unnest(cast(? as text[]), cast(? as text[]), cast(? as bigint[])) as used(kind, jti, expires_ms)
                on conflict do nothing
                returning kind, jti
                """).params(kinds, digests, expiries).query((rs, row) -> rs.getString(1) + " " + rs.getString(2))
                .list());
    }

    /** Deletes rows that expired before {@code now}, {@link #DELETE_BATCH} at a time; the number deleted. */
    int deleteExpired(Instant now) {
        int total = 0;
        for (int batch = 0; batch < MAX_DELETE_BATCHES; batch++) {
            int deleted = jdbc.sql("""
                    delete from seen_jti where ctid = any (array(
                        select ctid from seen_jti where expires_at < ? limit ? for update skip locked))
                    """).params(Timestamp.from(now), DELETE_BATCH).update();
            total += deleted;
            if (deleted < DELETE_BATCH) {
                break;
            }
        }
        return total;
    }
}
