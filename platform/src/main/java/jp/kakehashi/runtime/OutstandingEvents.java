package jp.kakehashi.runtime;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the module events a listener failed to handle (e.g. the mail server was down when a transfer notice
 * was due, B10), every few minutes instead of only at the next start: the events stay in Spring Modulith's
 * publication registry until a listener succeeds, and a publication being processed is claimed, so nodes running this
 * at once do not deliver one twice at the same moment. Listeners are idempotent (the audit trail keys its records).
 */
@Component
class OutstandingEvents {

    private static final Logger log = LoggerFactory.getLogger(OutstandingEvents.class);
    /** Younger publications are presumably still being delivered for the first time. */
    private static final Duration GRACE = Duration.ofMinutes(2);

    private final IncompleteEventPublications incomplete;

    OutstandingEvents(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    @Scheduled(fixedDelayString = "${kakehashi.events.resubmit-interval:5m}",
            initialDelayString = "${kakehashi.events.resubmit-interval:5m}")
    void resubmit() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(GRACE);
        } catch (RuntimeException e) {
            log.warn("undelivered module events could not be resubmitted; the next run tries again", e);
        }
    }
}
