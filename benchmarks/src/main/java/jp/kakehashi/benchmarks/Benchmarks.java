package jp.kakehashi.benchmarks;

import java.util.List;

/**
 * What {@code ./mvnw -pl benchmarks exec:exec} runs: the benchmark named by the first argument ({@code read} for
 * the authorised reads, {@code transfer} for the transfers, {@code all} for both, one after the other on the same
 * platform), then seconds per measurement (at most 30), concurrency, warm-up seconds, and whether to record the
 * transfer benchmark's first measurement with JFR. Exits non-zero when a benchmark saw errors.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "all";
        int seconds = Math.min(30, args.length > 1 ? Integer.parseInt(args[1]) : 20);
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        boolean profile = args.length > 4 && Boolean.parseBoolean(args[4]);
        if (!List.of("read", "transfer", "all").contains(which)) {
            System.err.println("benchmark must be read, transfer or all: " + which);
            System.exit(2);
        }
        boolean passed = true;
        if (!which.equals("transfer")) {
            passed &= ReadBenchmark.run(seconds, concurrency, warmUp);
        }
        if (!which.equals("read")) {
            passed &= TransferBenchmark.run(seconds, concurrency, warmUp, profile);
        }
        System.exit(passed ? 0 : 1);
    }
}
