package jp.kakehashi.benchmarks;

/**
 * One measured load, reduced to what the report shows. The rate counts successful answers only, so errors never
 * pass for throughput; the percentiles are over every answer.
 */
record LoadResult(String name, long count, long errors, double perSecond, double p50Millis, double p99Millis,
        long[] answersPerSecond) {

    static LoadResult of(String name, Load.Measurement measurement) {
        long[] latencies = measurement.sortedLatencies();
        var result = new LoadResult(name, latencies.length, measurement.errors(),
                (latencies.length - measurement.errors()) / (measurement.elapsedNanos() / 1e9),
                percentile(latencies, 0.50), percentile(latencies, 0.99), measurement.answersPerSecond());
        System.out.println(result.row());
        return result;
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    long successes() {
        return count - errors;
    }

    String row() {
        return String.format("| %s | %.0f | %.2f | %.2f | %d |", name, perSecond, p50Millis, p99Millis, errors);
    }
}
