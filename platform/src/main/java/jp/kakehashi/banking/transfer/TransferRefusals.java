package jp.kakehashi.banking.transfer;

import java.time.Clock;
import jp.kakehashi.banking.TransferRefused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes every transfer request refused before a transfer was stored as {@link TransferRefused} (C3), in
 * a transaction of its own: the refusal's own work was rolled back, the record of it must not be.
 */
@Component
class TransferRefusals {

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TransferRefusals(ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Who was refused (as far as known) and why. */
    void record(TransferDesk.Caller caller, TransferOutcome.Refused refusal, Long amount) {
        var refused = new TransferRefused(java.util.UUID.randomUUID().toString(), caller.customer(), caller.client(),
                caller.grant(), refusal.reason(), refusal.detail(), amount, clock.instant());
        transaction.executeWithoutResult(status -> events.publishEvent(refused));
    }
}
