package jp.kakehashi.authorization.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The rows of {@code seen_jti}: a batch of uses inserted by one statement, and the expired ones deleted in bounded
 * batches. Every statement runs with a statement timeout (PostgreSQL cancels it) and a network timeout on its
 * connection (a half-open TCP connection after a failover fails the statement instead of waiting for the operating
 * system's keep-alive), so no call waits on a statement longer than {@link #NETWORK_TIMEOUT}.
 */
final class SeenJtiRows {

    static final int DELETE_BATCH = 5_000;
    static final int MAX_DELETE_BATCHES = 50;
    /** The server cancels a statement that runs longer (a lock, a slow disk). */
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(2);
    /** The driver gives up on a connection that answers nothing for this long (it is then closed, not reused). */
    static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(4);
    private static final Executor ON_CALLER = Runnable::run;

    private final DataSource dataSource;

    SeenJtiRows(DataSource dataSource) {
        this.dataSource = dataSource;
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
        Long[] expiries = new Long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            kinds[i] = rows.get(i).kind();
            digests[i] = rows.get(i).digest();
            expiries[i] = rows.get(i).expiresAt().toEpochMilli();
        }
        return run(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into seen_jti (kind, jti, expires_at)
                    select kind, jti, to_timestamp(expires_ms / 1000.0)
                      from unnest(cast(? as text[]), cast(? as text[]), cast(? as bigint[]))
                        as used(kind, jti, expires_ms)
                    on conflict do nothing
                    returning kind, jti
                    """)) {
                insert.setQueryTimeout((int) STATEMENT_TIMEOUT.toSeconds());
                insert.setArray(1, connection.createArrayOf("text", kinds));
                insert.setArray(2, connection.createArrayOf("text", digests));
                insert.setArray(3, connection.createArrayOf("bigint", expiries));
                Set<String> inserted = new HashSet<>();
                try (ResultSet result = insert.executeQuery()) {
                    while (result.next()) {
                        inserted.add(result.getString(1) + " " + result.getString(2));
                    }
                }
                return inserted;
            }
        });
    }

    /**
     * Deletes rows that expired by the database's clock ({@code now()}, the same for every node, so a node whose
     * clock runs ahead cannot delete rows other nodes still need), {@link #DELETE_BATCH} at a time; the number
     * deleted.
     */
    int deleteExpired() {
        return run(connection -> {
            int total = 0;
            try (PreparedStatement delete = connection.prepareStatement("""
                    delete from seen_jti where ctid = any (array(
                        select ctid from seen_jti where expires_at < now() limit ? for update skip locked))
                    """)) {
                delete.setQueryTimeout((int) STATEMENT_TIMEOUT.toSeconds());
                delete.setInt(1, DELETE_BATCH);
                for (int batch = 0; batch < MAX_DELETE_BATCHES; batch++) {
                    int deleted = delete.executeUpdate();
                    total += deleted;
                    if (deleted < DELETE_BATCH) {
                        break;
                    }
                }
            }
            return total;
        });
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** On a connection of its own with the network timeout set (the pool resets it when the connection returns). */
    private <T> T run(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setNetworkTimeout(ON_CALLER, (int) NETWORK_TIMEOUT.toMillis());
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            return work.on(connection);
        }
        catch (SQLException e) {
            throw new DataAccessResourceFailureException("seen_jti: " + e.getMessage(), e);
        }
    }
}
