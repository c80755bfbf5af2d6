package jp.kakehashi.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A closed-loop load: {@code concurrency} virtual threads, each sending its next request when the previous answer
 * arrived, for a fixed time. Every latency is kept, so percentiles are exact rather than estimated.
 */
final class Load {

    private Load() {
    }

    static Measurement run(HttpClient http, Supplier<HttpRequest> requests, Duration duration, int concurrency)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        List<long[]> perWorker = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            perWorker.add(new long[1 << 16]);
            counts.add(0);
        }
        long started = System.nanoTime();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                int worker = w;
                workers.submit(() -> {
                    long[] latencies = perWorker.get(worker);
                    int count = 0;
                    while (System.nanoTime() < end) {
                        HttpRequest request = requests.get();
                        long sent = System.nanoTime();
                        try {
                            var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                if (errors.incrementAndGet() == 1) {
                                    System.out.println("first failure: " + response.statusCode() + " "
                                            + response.headers().firstValue("WWW-Authenticate").orElse("") + " "
                                            + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
                                }
                            }
                        }
                        catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        if (count == latencies.length) {
                            latencies = java.util.Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = System.nanoTime() - sent;
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
        java.util.Arrays.sort(all);
        return new Measurement(all, errors.get(), elapsed);
    }

    /** What a load run saw: every latency (sorted, ns), the failed requests and the wall time. */
    record Measurement(long[] sortedLatencies, long errors, long elapsedNanos) {
    }
}
