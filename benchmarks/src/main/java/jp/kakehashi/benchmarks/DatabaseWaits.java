package jp.kakehashi.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Samples what the database's client sessions are doing ({@code pg_stat_activity}) while a load runs, on a
 * connection of its own outside the platform's pool: running, waiting for a row lock (and which: the per-customer
 * transfer lock or the core's account rows), flushing the WAL of a commit, or idle inside a transaction while the
 * JVM works (a lock held then is held for the JVM's CPU time too). The averages say how much of the work waits for
 * serialization points rather than for CPU.
 */
final class DatabaseWaits implements AutoCloseable {

    private static final long PERIOD_MILLIS = 50;
    private static final int STATEMENT_SHOWN = 90;
    private static final String QUERY = """
            select state, wait_event_type, wait_event, regexp_replace(query, '\\s+', ' ', 'g')
            from pg_stat_activity
            where backend_type = 'client backend' and pid <> pg_backend_pid() and state <> 'idle'
            """;

    private final Connection connection;
    private final Map<String, Long> byClass = new HashMap<>();
    private final Map<String, Long> byStatement = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private long samples;

    private DatabaseWaits(Connection connection) {
        this.connection = connection;
        this.sampler = Thread.ofPlatform().daemon().name("database-waits").start(this::sample);
    }

    static DatabaseWaits start(DataSource database) throws Exception {
        return new DatabaseWaits(database.getConnection());
    }

    private void sample() {
        try (Statement statement = connection.createStatement()) {
            while (running) {
                List<String[]> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery(QUERY)) {
                    while (rs.next()) {
                        rows.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) });
                    }
                }
                synchronized (this) {
                    samples++;
                    for (String[] row : rows) {
                        String kind = classify(row[0], row[1], row[2], row[3]);
                        byClass.merge(kind, 1L, Long::sum);
                        String shown = row[3].length() > STATEMENT_SHOWN ? row[3].substring(0, STATEMENT_SHOWN)
                                + "…" : row[3];
                        byStatement.merge(kind + " — `" + shown + "`", 1L, Long::sum);
                    }
                }
                // a sampling period, not a wait for a condition
                Thread.sleep(PERIOD_MILLIS);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (Exception e) {
            System.out.println("database sampling stopped: " + e);
        }
    }

    private static String classify(String state, String waitType, String waitEvent, String query) {
        if (state.startsWith("idle in transaction")) {
            return "idle in a transaction (the JVM's turn)";
        }
        if ("Lock".equals(waitType)) {
            if (query.contains("transfer_customer_locks")) {
                return "waiting for the customer's transfer lock";
            }
            if (query.contains("from corebanking.account") || query.contains("corebanking.entry")) {
                return "waiting for a core account row lock";
            }
            if (query.contains("corebanking.reservation")) {
                return "waiting for a core reservation row lock";
            }
            return "waiting for another lock (" + waitEvent + ")";
        }
        if (waitType == null) {
            return "running (CPU)";
        }
        if ((waitType.equals("IO") || waitType.equals("LWLock")) && waitEvent.startsWith("WAL")) {
            return "commit: writing/flushing the WAL";
        }
        return "waiting: " + waitType + "/" + waitEvent;
    }

    @Override
    public void close() throws Exception {
        running = false;
        sampler.join();
        connection.close();
    }

    synchronized long samples() {
        return samples;
    }

    /** Average sessions per class (sorted, largest first), then the statements behind the largest ones. */
    synchronized String report(int statements) {
        List<String> lines = new ArrayList<>();
        lines.add("| database sessions (average over " + samples + " samples, every " + PERIOD_MILLIS + " ms)"
                + " | sessions |");
        lines.add("| --- | ---: |");
        double total = byClass.values().stream().mapToLong(Long::longValue).sum() / (double) Math.max(1, samples);
        lines.add(String.format("| **not idle, all together** | **%.2f** |", total));
        byClass.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> lines.add(String.format("| %s | %.2f |", e.getKey(), e.getValue() / (double) samples)));
        lines.add("");
        lines.add("| by statement (" + statements + " largest) | sessions |");
        lines.add("| --- | ---: |");
        byStatement.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(statements)
                .forEach(e -> lines.add(String.format("| %s | %.2f |", e.getKey().replace("|", "\\|"),
                        e.getValue() / (double) samples)));
        return String.join(System.lineSeparator(), lines);
    }
}
