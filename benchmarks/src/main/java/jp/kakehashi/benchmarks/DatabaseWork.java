package jp.kakehashi.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The database's own counters ({@code pg_stat_database}, {@code pg_stat_wal}) around a measurement: how many
 * transactions, rows and WAL flushes one answer costs. Every commit of a transaction that wrote waits for its WAL
 * flush (durable commits), so the commits per transfer are a floor under its latency and a share of its CPU.
 */
record DatabaseWork(long commits, long rollbacks, long inserted, long updated, long fetched, long walRecords,
        long walBytes, long walSyncs) {

    static DatabaseWork of(DataSource database) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            long[] db;
            try (ResultSet rs = statement.executeQuery("""
                    select sum(xact_commit), sum(xact_rollback), sum(tup_inserted), sum(tup_updated),
                           sum(tup_fetched) from pg_stat_database""")) {
                rs.next();
                db = new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) };
            }
            try (ResultSet rs = statement.executeQuery("select wal_records, wal_bytes, wal_sync from pg_stat_wal")) {
                rs.next();
                return new DatabaseWork(db[0], db[1], db[2], db[3], db[4], rs.getLong(1), rs.getLong(2),
                        rs.getLong(3));
            }
        }
    }

    /**
     * Per answer, between two readings; {@code ownQueries} are the sampler's statements in between (each its own
     * transaction), taken off the commits.
     */
    static String perAnswer(DatabaseWork before, DatabaseWork after, long answers, long ownQueries) {
        double n = Math.max(1, answers);
        return String.format("| %.1f | %.2f | %.1f | %.1f | %.1f | %.1f | %.0f | %.2f |",
                (after.commits - before.commits - ownQueries) / n, (after.rollbacks - before.rollbacks) / n,
                (after.inserted - before.inserted) / n, (after.updated - before.updated) / n,
                (after.fetched - before.fetched) / n, (after.walRecords - before.walRecords) / n,
                (after.walBytes - before.walBytes) / n, (after.walSyncs - before.walSyncs) / n);
    }

    /** The settings that decide what a commit costs, as the server runs with them. */
    static String settings(DataSource database) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select string_agg(name || '=' || setting, ', ' order by name) from pg_settings where name in
                        ('fsync', 'synchronous_commit', 'wal_sync_method', 'commit_delay', 'full_page_writes',
                         'shared_buffers', 'server_version')""")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String header() {
        return "| endpoint | commits | rollbacks | rows inserted | rows updated | rows fetched | WAL records"
                + " | WAL bytes | WAL flushes |" + System.lineSeparator()
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
    }
}
