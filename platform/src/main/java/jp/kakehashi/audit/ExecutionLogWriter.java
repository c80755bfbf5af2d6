package jp.kakehashi.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Appends execution-log records for the API calls in progress with group commit (C1): each caller waits until its
 * record is committed, as before, but the records of calls that finish while a commit is under way go to the database
 * together, in one transaction. A commit waits for the disk; sharing it is what keeps the log from halving the API's
 * throughput. An idle writer commits a lone record at once, so a quiet API sees no added delay.
 * <p>
 * Nothing is acknowledged before it is durable; if a batch cannot be written, its records are tried one by one, and
 * a record that still fails fails its own call (503), no other.
 */
@Component
public class ExecutionLogWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExecutionLogWriter.class);
    private static final int MAX_BATCH = 500;
    private static final long WAIT_SECONDS = 10;

    private final ExecutionLogRecords records;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(20_000);
    private volatile boolean running;
    private @Nullable Thread writer;

    ExecutionLogWriter(ExecutionLogRecords records) {
        this.records = records;
    }

    private record Pending(ExecutionLogRecord record, CompletableFuture<Long> committed) {
    }

    /** Appends a record; returns its id once it is committed. */
    public long append(ExecutionLogRecord record) {
        if (!running) {
            return records.append(record); // before start or after stop: on the caller's thread
        }
        var pending = new Pending(record, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the execution log is not keeping up");
            }
            return pending.committed().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording", e);
        }
        catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        catch (TimeoutException e) {
            throw new IllegalStateException("the execution log did not confirm the record in time", e);
        }
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            }
            catch (InterruptedException e) {
                if (!running) {
                    Thread.interrupted(); // finish what is queued before stopping
                }
            }
            finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        try {
            List<Long> ids = records.appendAll(batch.stream().map(Pending::record).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).committed().complete(ids.get(i));
            }
        }
        catch (RuntimeException batchFailed) {
            log.warn("A batch of {} execution-log records failed; writing them one by one: {}", batch.size(),
                    batchFailed.getMessage());
            for (Pending pending : batch) {
                try {
                    pending.committed().complete(records.append(pending.record()));
                }
                catch (RuntimeException failed) {
                    pending.committed().completeExceptionally(failed);
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().name("execution-log-writer").start(this::write);
    }

    @Override
    public void stop() {
        running = false;
        Thread started = writer;
        if (started != null) {
            started.interrupt();
            try {
                started.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts before the web server and stops after it (lifecycles stop from the highest phase down), so every call
     * the server answered is written; and before {@link ChainLinker}, whose last run then chains them.
     */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 2000;
    }
}
