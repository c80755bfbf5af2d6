package jp.kakehashi.audit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Gives the entries of every chain that links after the fact ({@link LateLinkedChain}: execution log, business events,
 * consent records) their place, every {@code kakehashi.audit.chain-interval} and once more at shutdown.
 */
@Component
class ChainLinker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChainLinker.class);

    private final List<LateLinkedChain<?>> chains;
    private final Duration interval;
    private @Nullable ScheduledExecutorService scheduler;

    ChainLinker(List<LateLinkedChain<?>> chains, @Value("${kakehashi.audit.chain-interval:1s}") Duration interval) {
        this.chains = chains;
        this.interval = interval;
    }

    /** Chains what every chain has pending, now, on the caller's thread. */
    void chainAll() {
        for (LateLinkedChain<?> chain : chains) {
            try {
                chain.chainPending();
            }
            catch (RuntimeException e) {
                // the entries are safe in their table; the next turn, here or on another node, chains them
                log.warn("Chaining {} failed, will retry: {}", chain.name(), e.toString());
            }
        }
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("audit-chain-linker").daemon(true).factory());
        started.scheduleWithFixedDelay(this::chainAll, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    @Override
    public synchronized void stop() {
        // the container stops only what it started (SmartLifecycle: stop() after isRunning())
        ScheduledExecutorService running = Objects.requireNonNull(scheduler, "stopped without being started");
        running.shutdown();
        try {
            running.awaitTermination(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
        chainAll();
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Stopped after the web server (whose phase is higher), so the calls it finished are chained at shutdown. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
