package jp.kakehashi.availability;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * This node's copy of the bank's stops not yet over, so the {@code /v1} filter answers from memory instead of asking
 * the database on every call (F4). Stops are announced days ahead, or as emergencies that may take effect here
 * {@link AvailabilityProperties#refreshInterval()} later on other nodes; this node's own changes count at once.
 */
@Component
class StopsInEffect {

    private static final Logger log = LoggerFactory.getLogger(StopsInEffect.class);

    private final ObjectProvider<ServiceStops> stops;
    private final Clock clock;
    private volatile List<ServiceStop> notOver = List.of();

    StopsInEffect(ObjectProvider<ServiceStops> stops, Clock clock) {
        this.stops = stops;
        this.clock = clock;
    }

    /** The stop taking down calls of the given class now that ends last, if any ({@code null}: a public endpoint). */
    Optional<ServiceStop> stopping(@Nullable StoppedApi callClass, Instant now) {
        return notOver.stream().filter(stop -> stop.inEffectAt(now))
                .filter(stop -> callClass == null ? stop.api() == StoppedApi.ALL : stop.api().stops(callClass))
                .max(java.util.Comparator.comparing(ServiceStop::endsAt));
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${kakehashi.availability.refresh-interval:5s}")
    void reload() {
        try {
            notOver = List.copyOf(stops.getObject().bankStopsNotOver(clock.instant()));
        } catch (RuntimeException e) {
            // keep the stops known: an unreachable database must not lift a stop, nor start one
            log.warn("service stops could not be reread; keeping the {} known: {}", notOver.size(), e.getMessage());
        }
    }

    void reloadAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            reload();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                reload();
            }
        });
    }
}
