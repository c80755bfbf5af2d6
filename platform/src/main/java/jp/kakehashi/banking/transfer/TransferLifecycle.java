package jp.kakehashi.banking.transfer;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import jp.kakehashi.banking.TransferStatus;
import jp.kakehashi.banking.TransferStatusChanged;
import jp.kakehashi.banking.TransferStatusReason;
import jp.kakehashi.consent.GrantedServices;
import jp.kakehashi.shared.MonitoredCaches;
import jp.kakehashi.shared.ClientId;
import jp.kakehashi.shared.CustomerId;
import jp.kakehashi.shared.GrantId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The moves of a stored transfer between its statuses (B10, C3), each published as {@link TransferStatusChanged} in
 * the transaction that makes it, so the audit log and the customer's notice get every status exactly once (C3, B10).
 * {@link TransferStatus#ACCEPTED} is not published: it only says the core is being asked, and the end follows at
 * once (or, after a crash, when the scheduler finishes it); every other status is. A move only happens from the
 * statuses it names: when two nodes race, the first wins and the other learns it lost.
 */
@Component
class TransferLifecycle {

    private final Transfers transfers;
    private final GrantedServices services;
    private final CustomerTotals totals;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** A grant's service name never changes in a way a notice must follow at once; looked up once per grant. */
    private final Cache<String, String> serviceNames;

    TransferLifecycle(Transfers transfers, GrantedServices services, CustomerTotals totals,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock,
            MonitoredCaches caches) {
        this.serviceNames = caches.create("transfer-service-names", 10_000, Duration.ofHours(1));
        this.totals = totals;
        this.transfers = transfers;
        this.services = services;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Publishes the status a new transfer is stored with; called inside the transaction that stores it. */
    void stored(Transfer transfer) {
        publish(transfer);
    }

    /** Moves the transfer from one of {@code from} to {@code to}: the transfer as moved, or empty if it was not there. */
    Optional<Transfer> move(String applyNo, Set<TransferStatus> from, TransferStatus to,
            TransferStatusReason reason) {
        Instant now = clock.instant();
        return transaction.execute(status -> {
            Optional<Transfer> moved = transfers.move(applyNo, from, to, reason, now);
            moved.ifPresent(t -> {
                publish(t);
                if (to == TransferStatus.FAILED || to == TransferStatus.CANCELLED) {
                    // B10: a transfer that will not be made no longer counts against the customer's limits
                    totals.subtract(t.customerId(), t.acceptedAt(), t.amount());
                }
            });
            return moved;
        });
    }

    /** The customer's confirmation at the bank: the transfer becomes {@code next}, if it was still waiting in time. */
    Optional<Transfer> confirm(String applyNo, String customerId, TransferStatus next) {
        Instant now = clock.instant();
        return transaction.execute(status -> {
            Optional<Transfer> confirmed = transfers.confirm(applyNo, customerId, next, now);
            confirmed.ifPresent(this::publish);
            return confirmed;
        });
    }

    private void publish(Transfer t) {
        if (t.status() == TransferStatus.ACCEPTED) {
            return;
        }
        var payee = t.payee();
        String number = payee.accountNumber();
        // the notice shows the payee as a bank statement does: never the whole account number
        String masked = "*".repeat(Math.max(0, number.length() - 3)) + number.substring(Math.max(0, number.length() - 3));
        String payeeLabel = payee.bankCode() + "-" + payee.branchCode() + " " + masked + " " + payee.name();
        String serviceName = serviceNames.get(t.grantId(), grantId -> services.of(grantId)
                .map(GrantedServices.ServiceName::japanese).orElse(null));
        events.publishEvent(new TransferStatusChanged(t.applyNo(), new CustomerId(t.customerId()),
                new ClientId(t.clientId()), GrantId.of(t.grantId()),
                t.status(), t.statusReason(), t.amount(), t.fee(), t.executionDate(), payeeLabel, serviceName,
                t.confirmBy(), clock.instant()));
    }
}
