package jp.kakehashi.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A closed-loop load: {@code concurrency} virtual threads, each sending its next request when the previous answer
 * arrived, for a fixed time. Every latency is kept, so percentiles are exact rather than estimated; the answers of
 * each second are counted too, so a throughput that sinks during the run shows.
 */
final class Load {

    private Load() {
    }

    /** All workers draw from one source of requests and expect 200. */
    static Measurement run(HttpClient http, Supplier<HttpRequest> requests, Duration duration, int concurrency)
            throws InterruptedException {
        return run(http, worker -> requests.get(), 200, duration, concurrency);
    }

    /**
     * @param requestOf the next request of a worker (0 to concurrency - 1), so that a worker can stay with one
     *                  customer or account
     * @param expected  the status of a successful answer; any other counts as an error
     */
    static Measurement run(HttpClient http, IntFunction<HttpRequest> requestOf, int expected, Duration duration,
            int concurrency) throws InterruptedException {
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicLongArray perSecond = new AtomicLongArray((int) duration.toSeconds() + 2);
        List<long[]> perWorker = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            perWorker.add(new long[1 << 16]);
            counts.add(0);
        }
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                int worker = w;
                workers.submit(() -> {
                    long[] latencies = perWorker.get(worker);
                    int count = 0;
                    while (System.nanoTime() < end) {
                        HttpRequest request = requestOf.apply(worker);
                        long sent = System.nanoTime();
                        try {
                            var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != expected) {
                                if (errors.incrementAndGet() == 1) {
                                    System.out.println("first failure: " + response.statusCode() + " "
                                            + response.headers().firstValue("WWW-Authenticate").orElse("") + " "
                                            + new String(response.body(), StandardCharsets.UTF_8));
                                }
                            }
                        }
                        catch (Exception e) {
                            if (errors.incrementAndGet() == 1) {
                                System.out.println("first failure: " + e);
                            }
                        }
                        long answered = System.nanoTime();
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = answered - sent;
                        int second = (int) ((answered - started) / 1_000_000_000L);
                        if (second < perSecond.length()) {
                            perSecond.incrementAndGet(second);
                        }
                    }
                    synchronized (perWorker) {
                        perWorker.set(worker, latencies);
                        counts.set(worker, count);
                    }
                    return null;
                });
            }
        }
        long elapsed = System.nanoTime() - started;
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(perWorker.get(w), 0, all, at, counts.get(w));
            at += counts.get(w);
        }
        Arrays.sort(all);
        // the last slot holds the answers that arrived after the end, while the workers finished their last request
        long[] seconds = new long[(int) duration.toSeconds()];
        for (int s = 0; s < seconds.length; s++) {
            seconds[s] = perSecond.get(s);
        }
        return new Measurement(all, errors.get(), elapsed, seconds);
    }

    /**
     * What a load run saw: every latency (sorted, ns), the failed requests, the wall time, and the answers (failed
     * ones included) of each whole second of the run.
     */
    record Measurement(long[] sortedLatencies, long errors, long elapsedNanos, long[] answersPerSecond) {
    }
}
