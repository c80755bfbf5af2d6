package jp.kakehashi.authorization.replay;

import java.sql.SQLException;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
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
 * One caller cannot fail another's check (B7, F4): a use is only recorded for a JWT whose validity ends within
 * {@link #MAX_REMEMBERED} from now (and not more than {@link #CLOCK_MARGIN} ago), which every endpoint checks before
 * (DPoP {@code iat} within the skew, client assertion {@code exp} within its lifetime), so no row carries a time
 * PostgreSQL cannot store; and should a batch still fail on a row's data, its rows are inserted one by one, so only
 * that row's caller gets the error.
 * <p>
 * No caller waits on a stuck statement for long (B7, F4): every statement has a statement and a network timeout
 * ({@link SeenJtiRows}), and a watchdog ({@link #watch}) replaces the writer thread when a batch has been under way
 * longer than {@link #STUCK_AFTER} (a hung connection acquisition, a driver that does not time out), answering the
 * batch's callers with an error at once. The writer's state is in the readiness probe ({@link SeenJtisHealth}), so the
 * load balancer stops sending calls to a node that cannot check replays.
 * <p>
 * Rows are kept {@link #CLOCK_MARGIN} past the end of the JWT's validity, so nodes whose clocks differ by that much
 * still share them. Expired rows (by the database's clock) are deleted every {@link #CLEANUP_INTERVAL_MS} ms in
 * bounded batches through the index on {@code expires_at}, with {@code SKIP LOCKED}, so every node can take part
 * without waiting for another and no statement runs long whatever the volume (at 5,000 calls a second a pass deletes
 * 50,000 rows). Time partitions were weighed and not taken: dropping a partition is cheaper than deleting, but it
 * needs the right to create and drop tables at run time, which a bank's application role should not have, and a
 * primary key that includes the partition's time.
 */
@Component
class PostgresSeenJtis implements SeenJtis, SmartLifecycle {

    static final Duration CLOCK_MARGIN = Duration.ofSeconds(30);
    /** The longest validity of a JWT whose jti is recorded: a client assertion's (its exp at most an hour ahead). */
    static final Duration MAX_REMEMBERED = Duration.ofHours(1);
    static final long CLEANUP_INTERVAL_MS = 10_000;
    /** A batch under way longer than this has its writer replaced: beyond every timeout of its statement. */
    static final Duration STUCK_AFTER = SeenJtiRows.NETWORK_TIMEOUT.plusSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(PostgresSeenJtis.class);
    private static final int MAX_BATCH = 500;
    /** SQLSTATE class 22, data exception: the row, not the database, is at fault. */
    private static final String DATA_EXCEPTION = "22";

    private final SeenJtiRows rows;
    private final Clock clock;
    private final Duration stuckAfter;
    /** How long a caller waits for its place in the queue and for its answer: past the watchdog's limit. */
    private final Duration wait;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(20_000);
    private final AtomicReference<InFlight> inFlight = new AtomicReference<>();
    private final AtomicLong replacedWriters = new AtomicLong();
    private volatile boolean running;
    private volatile Thread writer;
    private volatile long lastSuccessNanos = System.nanoTime();
    private volatile long lastFailureNanos;
    private volatile String lastFailure;

    @org.springframework.beans.factory.annotation.Autowired
    PostgresSeenJtis(DataSource dataSource, Clock clock) {
        this(dataSource, clock, STUCK_AFTER);
    }

    PostgresSeenJtis(DataSource dataSource, Clock clock, Duration stuckAfter) {
        this.rows = new SeenJtiRows(dataSource);
        this.clock = clock;
        this.stuckAfter = stuckAfter;
        this.wait = stuckAfter.plusSeconds(1);
    }

    private record Pending(SeenJtiRows.Row row, CompletableFuture<Boolean> first) {
    }

    /** The batch a writer is inserting, since when ({@link System#nanoTime}). */
    private record InFlight(List<Pending> batch, long sinceNanos) {
    }

    /**
     * {@inheritDoc}
     * <p>
     * A {@code keepUntil} outside [now − {@link #CLOCK_MARGIN}, now + {@link #MAX_REMEMBERED}] is answered false
     * without touching the database: no JWT the endpoints accept ends there, and such a row could not be kept for the
     * right time (or stored at all).
     */
    @Override
    public boolean firstUse(JtiKind kind, String scope, String jti, Instant keepUntil) {
        Instant now = clock.instant();
        if (keepUntil == null || keepUntil.isBefore(now.minus(CLOCK_MARGIN)) || keepUntil.isAfter(now.plus(
                MAX_REMEMBERED))) {
            log.debug("not recording a {} jti valid until {}: outside what any endpoint accepts", kind, keepUntil);
            return false;
        }
        var row = new SeenJtiRows.Row(kind.stored(), SeenJtis.digest(scope + "\n" + jti),
                keepUntil.plus(CLOCK_MARGIN));
        if (!running) {
            // before start or after stop: on the caller's thread
            return !outcome(() -> rows.insertNew(List.of(row))).isEmpty();
        }
        var pending = new Pending(row, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the replay check is not keeping up");
            }
            return pending.first().get(wait.toMillis(), TimeUnit.MILLISECONDS);
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
        Thread self = Thread.currentThread();
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (writer == self && (running || !queue.isEmpty())) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                var mine = new InFlight(List.copyOf(batch), System.nanoTime());
                inFlight.set(mine);
                insert(batch);
                if (!inFlight.compareAndSet(mine, null)) {
                    return; // the watchdog gave up on this batch and started another writer
                }
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
            succeeded();
        }
        catch (RuntimeException failed) {
            if (batch.size() > 1 && isDataError(failed)) {
                insertOneByOne(batch);
            }
            else {
                failed(failed);
                batch.forEach(pending -> pending.first().completeExceptionally(failed));
            }
            return;
        }
        Set<String> answered = new HashSet<>();
        for (Pending pending : batch) {
            String key = pending.row().key();
            pending.first().complete(answered.add(key) && inserted.contains(key));
        }
    }

    /** Inserts the rows as one batch on the caller's thread, as the writer does; each row's answer. For tests. */
    List<CompletableFuture<Boolean>> insertTogether(List<SeenJtiRows.Row> batch) {
        List<Pending> pending = batch.stream().map(row -> new Pending(row, new CompletableFuture<>())).toList();
        insert(pending);
        return pending.stream().map(Pending::first).toList();
    }

    /** After a batch failed on a row's data: each use on its own, so one bad row fails only its own caller. */
    private void insertOneByOne(List<Pending> batch) {
        Set<String> answered = new HashSet<>();
        RuntimeException lastFailed = null;
        boolean anyInserted = false;
        for (Pending pending : batch) {
            try {
                boolean first = !rows.insertNew(List.of(pending.row())).isEmpty();
                anyInserted = true;
                pending.first().complete(answered.add(pending.row().key()) && first);
            }
            catch (RuntimeException failed) {
                lastFailed = failed;
                pending.first().completeExceptionally(failed);
            }
        }
        if (anyInserted) {
            succeeded();
        }
        else if (lastFailed != null) {
            failed(lastFailed);
        }
    }

    private static boolean isDataError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(DATA_EXCEPTION)) {
                return true;
            }
        }
        return false;
    }

    private <T> T outcome(java.util.function.Supplier<T> statement) {
        try {
            T result = statement.get();
            succeeded();
            return result;
        }
        catch (RuntimeException e) {
            failed(e);
            throw e;
        }
    }

    private void succeeded() {
        lastSuccessNanos = System.nanoTime();
    }

    private void failed(RuntimeException e) {
        lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
        lastFailureNanos = System.nanoTime();
    }

    /**
     * The watchdog: a writer whose batch has been under way longer than {@link #STUCK_AFTER} is abandoned (its batch's
     * callers get an error now, instead of each waiting for its own timeout) and a new writer takes the queue.
     */
    @Scheduled(fixedDelay = 500)
    void watch() {
        InFlight stuck = inFlight.get();
        if (!running || stuck == null || System.nanoTime() - stuck.sinceNanos() < stuckAfter.toNanos()
                || !inFlight.compareAndSet(stuck, null)) {
            return;
        }
        Thread old = writer;
        var hung = new IllegalStateException("the replay check's statement did not return within " + stuckAfter);
        failed(hung);
        startWriter();
        replacedWriters.incrementAndGet();
        log.warn("replaced the seen_jti writer: its statement has not returned for {} ms", stuckAfter.toMillis());
        stuck.batch().forEach(pending -> pending.first().completeExceptionally(hung));
        if (old != null) {
            old.interrupt();
        }
    }

    /** The writer's state for the readiness probe: null when it can record uses, else why it cannot. */
    String problem() {
        InFlight current = inFlight.get();
        if (current != null && System.nanoTime() - current.sinceNanos() > SeenJtiRows.NETWORK_TIMEOUT.toNanos()) {
            return "a statement has been under way for over " + SeenJtiRows.NETWORK_TIMEOUT.toSeconds() + " s";
        }
        if (lastFailureNanos - lastSuccessNanos > 0) {
            return "the last statement failed: " + lastFailure;
        }
        return null;
    }

    long replacedWriters() {
        return replacedWriters.get();
    }

    int queued() {
        return queue.size();
    }

    /** Deletes the expired rows in bounded batches; the number deleted. Also shows the probe the database answers. */
    @Scheduled(fixedDelay = CLEANUP_INTERVAL_MS, initialDelay = CLEANUP_INTERVAL_MS)
    public int forgetExpired() {
        return outcome(rows::deleteExpired);
    }

    private void startWriter() {
        writer = Thread.ofPlatform().name("seen-jti-writer").daemon().unstarted(this::write);
        writer.start();
    }

    @Override
    public void start() {
        running = true;
        startWriter();
    }

    @Override
    public void stop() {
        running = false;
        Thread last = writer;
        if (last != null) {
            last.interrupt();
            try {
                last.join(wait.toMillis());
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
