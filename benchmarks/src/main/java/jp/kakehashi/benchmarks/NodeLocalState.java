package jp.kakehashi.benchmarks;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.kakehashi.authorization.replay.JtiKind;
import jp.kakehashi.authorization.replay.SeenJtis;
import jp.kakehashi.tpp.ratelimit.RateLimit;
import jp.kakehashi.tpp.ratelimit.SharedBuckets;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

/**
 * The benchmark's switch between the security state the nodes share through PostgreSQL (the DPoP and client
 * assertion {@code jti}s, the rate limits' buckets) and the node-local memory they were kept in before, so that one
 * run measures the same reads both ways, side by side. It exists only in the benchmark's JVM: this module registers
 * it as an auto-configuration, which wraps the platform's {@link SeenJtis} and {@link SharedBuckets}; the platform
 * itself has no such switch. Its post-processor runs after Spring's scheduling one, so the stores' cleanups keep
 * running as in production, and the shared jti store's writer is started and stopped through the wrapper.
 */
@AutoConfiguration
public class NodeLocalState {

    private static final AtomicBoolean nodeLocal = new AtomicBoolean();

    /** From now on, the jtis and buckets of this JVM are kept in its memory ({@code true}) or shared. */
    static void use(boolean local) {
        nodeLocal.set(local);
    }

    @Bean
    static BeanPostProcessor nodeLocalStateSwitch() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof SeenJtis shared) {
                    return new SwitchedJtis(shared);
                }
                if (bean instanceof SharedBuckets shared) {
                    return new SwitchedBuckets(shared);
                }
                return bean;
            }
        };
    }

    /**
     * As Spring's in-memory DPoP replay cache kept them: a map of this JVM. The shared store's lifecycle (its writer
     * of grouped inserts) is passed on, as the context only starts what the bean it holds says it is.
     */
    private record SwitchedJtis(SeenJtis shared, Map<String, Instant> local) implements SeenJtis, SmartLifecycle {

        SwitchedJtis(SeenJtis shared) {
            this(shared, new ConcurrentHashMap<>());
        }

        @Override
        public void start() {
            if (shared instanceof SmartLifecycle lifecycle) {
                lifecycle.start();
            }
        }

        @Override
        public void stop() {
            if (shared instanceof SmartLifecycle lifecycle) {
                lifecycle.stop();
            }
        }

        @Override
        public boolean isRunning() {
            return shared instanceof SmartLifecycle lifecycle && lifecycle.isRunning();
        }

        @Override
        public int getPhase() {
            return shared instanceof SmartLifecycle lifecycle ? lifecycle.getPhase() : DEFAULT_PHASE;
        }

        @Override
        public boolean firstUse(JtiKind kind, String scope, String jti, Instant keepUntil) {
            return nodeLocal.get()
                    ? local.putIfAbsent(SeenJtis.digest(kind + "\n" + scope + "\n" + jti), keepUntil) == null
                    : shared.firstUse(kind, scope, jti, keepUntil);
        }
    }

    /** As the per-node token buckets were kept: in this JVM, refilled on its clock. */
    private record SwitchedBuckets(SharedBuckets shared, Map<String, double[]> local) implements SharedBuckets {

        SwitchedBuckets(SharedBuckets shared) {
            this(shared, new ConcurrentHashMap<>());
        }

        @Override
        public Taken take(String bucket, RateLimit limit, int want, int back) {
            if (!nodeLocal.get()) {
                return shared.take(bucket, limit, want, back);
            }
            double[] tokensAndTime = local.computeIfAbsent(bucket, b -> new double[] {limit.burst(), System.nanoTime()});
            synchronized (tokensAndTime) {
                double now = System.nanoTime();
                double available = Math.min(limit.burst(),
                        tokensAndTime[0] + back + (now - tokensAndTime[1]) / 1e9 * limit.perSecond());
                int taken = (int) Math.min(want, Math.floor(available));
                tokensAndTime[0] = available - taken;
                tokensAndTime[1] = now;
                return new Taken(taken, taken > 0 ? 0
                        : (long) Math.ceil((1 - tokensAndTime[0]) / limit.perSecond() * 1e9));
            }
        }
    }
}
