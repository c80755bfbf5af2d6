package jp.kakehashi.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Makes the chains' checkpoints every {@code kakehashi.audit.checkpoint-interval} (one node at a time). */
@Component
class CheckpointSchedule {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final Checkpoints checkpoints;

    CheckpointSchedule(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(fixedDelayString = "${kakehashi.audit.checkpoint-interval:1m}",
            initialDelayString = "${kakehashi.audit.checkpoint-interval:1m}")
    void checkpoint() {
        try {
            checkpoints.checkpointAll();
        }
        catch (RuntimeException e) {
            log.warn("Making the audit checkpoints failed, will retry: {}", e.toString());
        }
    }
}
