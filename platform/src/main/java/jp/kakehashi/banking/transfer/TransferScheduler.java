package jp.kakehashi.banking.transfer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import jp.kakehashi.banking.TransferStatus;
import jp.kakehashi.corebanking.spi.CoreBanking;
import jp.kakehashi.shared.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The transfers' clockwork (B10; payment correctness), run on every node: executes scheduled transfers (予約振込) on their
 * date, fails the ones whose confirmation time ran out, finishes accepted transfers no request finished (the node that
 * took them stopped), and lets the core release lapsed holds. Every step moves a transfer only from the status it
 * found, so nodes running at once never do anything twice.
 */
@Component
public class TransferScheduler {

    private static final Logger log = LoggerFactory.getLogger(TransferScheduler.class);
    private static final int BATCH = 200;
    /** An accepted transfer younger than this is presumably being driven by its request. */
    private static final java.time.Duration IN_FLIGHT = java.time.Duration.ofSeconds(30);

    private final Transfers transfers;
    private final TransferExecution execution;
    private final TransferConfirmations confirmations;
    private final TransferLifecycle lifecycle;
    private final TransferPricing pricing;
    private final CoreBanking coreBanking;
    private final Clock clock;

    TransferScheduler(Transfers transfers, TransferExecution execution, TransferConfirmations confirmations,
            TransferLifecycle lifecycle, TransferPricing pricing, CoreBanking coreBanking, Clock clock) {
        this.transfers = transfers;
        this.execution = execution;
        this.confirmations = confirmations;
        this.lifecycle = lifecycle;
        this.pricing = pricing;
        this.coreBanking = coreBanking;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${kakehashi.banking.transfers.scheduler-interval:10s}",
            initialDelayString = "${kakehashi.banking.transfers.scheduler-interval:10s}")
    void tick() {
        try {
            Instant now = clock.instant();
            runOnce(LocalDate.ofInstant(now, BusinessClock.TOKYO), now);
        } catch (RuntimeException e) {
            log.warn("transfer scheduler run failed; the next run tries again", e);
        }
    }

    /**
     * One run as of the business date and instant given; public so that the sandbox and tests can move time on.
     *
     * @return how many transfers it handled without an error
     */
    public int runOnce(LocalDate today, Instant now) {
        int moved = 0;
        try {
            for (String applyNo : transfers.unconfirmedSince(now, BATCH)) {
                moved += each(applyNo, () -> confirmations.expire(applyNo));
            }
            if (pricing.isBusinessDay(today)) {
                for (String applyNo : transfers.dueScheduled(today, BATCH)) {
                    moved += each(applyNo, () -> lifecycle.move(applyNo, Set.of(TransferStatus.SCHEDULED),
                            TransferStatus.ACCEPTED, null).ifPresent(execution::drive));
                }
            }
            for (String applyNo : transfers.acceptedBefore(now.minus(IN_FLIGHT), BATCH)) {
                moved += each(applyNo, () -> transfers.byApplyNo(applyNo).ifPresent(execution::drive));
            }
        } finally {
            // lapsed holds are released whatever happened to the transfers above
            coreBanking.expireReservations();
        }
        return moved;
    }

    /** One transfer's step; a failure of one is logged and does not keep the others waiting. */
    private static int each(String applyNo, Runnable step) {
        try {
            step.run();
            return 1;
        } catch (RuntimeException e) {
            log.warn("transfer {}: the scheduler's step failed; the next run tries again", applyNo, e);
            return 0;
        }
    }
}
