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
 * What one answer does to each table ({@code pg_stat_user_tables}): index and sequential scans, rows inserted and
 * updated. Look-ups repeated on every request show up here as candidates for a cache, a missing index as sequential
 * scans.
 */
final class TableWork {

    private static final String QUERY = """
            select schemaname || '.' || relname, coalesce(idx_scan, 0), seq_scan, n_tup_ins, n_tup_upd, n_tup_del
            from pg_stat_user_tables""";

    private final Map<String, long[]> counters;

    private TableWork(Map<String, long[]> counters) {
        this.counters = counters;
    }

    static TableWork of(DataSource database) throws Exception {
        Map<String, long[]> counters = new HashMap<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(QUERY)) {
            while (rs.next()) {
                counters.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6) });
            }
        }
        return new TableWork(counters);
    }

    /** The tables an answer touched, most operations first, per answer. */
    static String perAnswer(TableWork before, TableWork after, long answers) {
        double n = Math.max(1, answers);
        List<String> lines = new ArrayList<>();
        lines.add("| table | index scans | sequential scans | rows inserted | rows updated | rows deleted |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: |");
        after.counters.entrySet().stream().map(e -> {
            long[] was = before.counters.getOrDefault(e.getKey(), new long[5]);
            long[] delta = new long[5];
            for (int i = 0; i < 5; i++) {
                delta[i] = e.getValue()[i] - was[i];
            }
            return Map.entry(e.getKey(), delta);
        }).filter(e -> total(e.getValue()) > 0).sorted((a, b) -> Long.compare(total(b.getValue()),
                total(a.getValue()))).forEach(e -> lines.add(String.format("| %s | %.2f | %.2f | %.2f | %.2f | %.2f |",
                        e.getKey(), e.getValue()[0] / n, e.getValue()[1] / n, e.getValue()[2] / n,
                        e.getValue()[3] / n, e.getValue()[4] / n)));
        return String.join(System.lineSeparator(), lines);
    }

    private static long total(long[] counters) {
        long sum = 0;
        for (long c : counters) {
            sum += c;
        }
        return sum;
    }
}
