package jp.kakehashi.authorization.replay;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The readiness of the shared replay check (B7, F4), in the readiness group ({@code seenJtis}): DOWN while a statement
 * of {@link PostgresSeenJtis} hangs or after its last statement failed, until one succeeds (the next call, or the
 * cleanup within ten seconds), so the load balancer takes the node out instead of every call on it failing. It asks
 * the database nothing itself: the probe costs no connection.
 */
@Component("seenJtisHealthIndicator")
class SeenJtisHealth implements HealthIndicator {

    private final PostgresSeenJtis seenJtis;

    SeenJtisHealth(PostgresSeenJtis seenJtis) {
        this.seenJtis = seenJtis;
    }

    @Override
    public Health health() {
        String problem = seenJtis.problem();
        Health.Builder health = problem == null ? Health.up() : Health.down().withDetail("problem", problem);
        return health.withDetail("queued", seenJtis.queued())
                .withDetail("replacedWriters", seenJtis.replacedWriters()).build();
    }
}
