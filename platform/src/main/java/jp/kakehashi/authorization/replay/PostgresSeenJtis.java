package jp.kakehashi.authorization.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@link SeenJtis} in PostgreSQL ({@code seen_jti}), where a row's primary key decides atomically, also between
 * nodes racing with the same JWT, which use was first. What is stored is a SHA-256 of the scope (the client id, or
 * the DPoP key's thumbprint) and the jti: 43 characters whatever a client sends, so an over-long jti cannot exceed
 * PostgreSQL's index entry limit, and one client's jtis never collide with another's.
 * <p>
 * Every API call records its proof's jti, so the uses of calls in progress go to the database together, as the
 * execution log's records do: each caller waits for its answer, but the uses that arrive while a statement is under
 * way are inserted by the next one, a single {@code INSERT … ON CONFLICT DO NOTHING RETURNING} for all of them. Under
 * load that is one round trip for many calls instead of one each; an idle node inserts a lone use at once. Within a
 * batch, the first of two uses of the same jti wins, the second is a replay.
 * <p>
 * Rows are kept {@link #CLOCK_MARGIN} past the end of the JWT's validity, so nodes whose clocks differ by that much
 * still share them. Expired rows are deleted every {@link #CLEANUP_INTERVAL_MS} ms in bounded batches through the
 * index on {@code expires_at}, with {@code SKIP LOCKED}, so every node can take part without waiting for another and
 * no statement runs long whatever the volume (at 5,000 calls a second a pass deletes 50,000 rows). Time partitions
 * were weighed and not taken: dropping a partition is cheaper than deleting, but it needs the right to create and
 * drop tables at run time, which a bank's application role should not have, and a primary key that includes the
 * partition's time.
 */
@Component
class PostgresSeenJtis implements SeenJtis, SmartLifecycle {

    static final Duration CLOCK_MARGIN = Duration.ofSeconds(30);
    static final long CLEANUP_INTERVAL_MS = 10_000;
    private static final int MAX_BATCH = 500;
    private static final long WAIT_SECONDS = 10;

    private final SeenJtiRows rows;
    private final Clock clock;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(20_000);
    private volatile boolean running;
    private Thread writer;

    PostgresSeenJtis(JdbcClient jdbc, Clock clock) {
        this.rows = new SeenJtiRows(jdbc);
        this.clock = clock;
    }

    private record Pending(SeenJtiRows.Row row, CompletableFuture<Boolean> first) {
    }

    @Override
    public boolean firstUse(JtiKind kind, String scope, String jti, Instant keepUntil) {
        var row = new SeenJtiRows.Row(kind.stored(), SeenJtis.digest(scope + "\n" + jti),
                keepUntil.plus(CLOCK_MARGIN));
        if (!running) {
            return !rows.insertNew(List.of(row)).isEmpty(); // before start or after stop: on the caller's thread
        }
        var pending = new Pending(row, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the replay check is not keeping up");
            }
            return pending.first().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking a jti", e);
        }
        catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        catch (TimeoutException e) {
            throw new IllegalStateException("the replay check did not answer in time", e);
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
                insert(batch);
            }
            catch (InterruptedException e) {
                if (!running) {
                    Thread.interrupted(); // answer what is queued before stopping
                }
            }
            finally {
                batch.clear();
            }
        }
    }

    /** Answers every use of the batch: inserted now is a first use; a second use of a key in the batch is not. */
    private void insert(List<Pending> batch) {
        Set<String> inserted;
        try {
            inserted = rows.insertNew(batch.stream().map(Pending::row).toList());
        }
        catch (RuntimeException failed) {
            batch.forEach(pending -> pending.first().completeExceptionally(failed));
            return;
        }
        Set<String> answered = new HashSet<>();
        for (Pending pending : batch) {
            String key = pending.row().key();
            pending.first().complete(answered.add(key) && inserted.contains(key));
        }
    }

    /** Deletes the expired rows in bounded batches; the number deleted. */
    @Scheduled(fixedDelay = CLEANUP_INTERVAL_MS, initialDelay = CLEANUP_INTERVAL_MS)
    public int forgetExpired() {
        return rows.deleteExpired(clock.instant());
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().name("seen-jti-writer").start(this::write);
    }

    @Override
    public void stop() {
        running = false;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
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

    /** Starts before the web server and stops after it, so every call the server takes gets its answer. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 2000;
    }
}
