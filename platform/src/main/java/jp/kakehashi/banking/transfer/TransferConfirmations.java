package jp.kakehashi.banking.transfer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.kakehashi.banking.TransferStatus;
import jp.kakehashi.banking.TransferStatusReason;
import jp.kakehashi.shared.BusinessClock;
import org.springframework.stereotype.Component;

/**
 * Out-of-band confirmation by the bank (帯域外認証, B10): a transfer the policy holds back waits until the
 * customer confirms or declines it on the bank's own pages, signed in at the bank with a second factor, never through
 * the TPP; one left unconfirmed past its time fails ({@code CONFIRMATION_EXPIRED}, see {@link TransferScheduler}).
 */
@Component
public class TransferConfirmations {

    static final TransferStatusReason EXPIRED = TransferStatusReason.CONFIRMATION_EXPIRED;
    private static final TransferStatusReason DECLINED = TransferStatusReason.DECLINED_BY_CUSTOMER;
    private static final Set<TransferStatus> AWAITING = Set.of(TransferStatus.AWAITING_CONFIRMATION);

    private final Transfers transfers;
    private final TransferLifecycle lifecycle;
    private final TransferExecution execution;
    private final Clock clock;

    TransferConfirmations(Transfers transfers, TransferLifecycle lifecycle, TransferExecution execution, Clock clock) {
        this.transfers = transfers;
        this.lifecycle = lifecycle;
        this.execution = execution;
        this.clock = clock;
    }

    /** The outcome of the customer's answer. */
    public sealed interface Answer {

        /** Confirmed: the transfer as it stands after running (or scheduled for its date). */
        record Confirmed(Transfer transfer) implements Answer {
        }

        /** Declined by the customer: cancelled, no money moved. */
        record Declined(Transfer transfer) implements Answer {
        }

        /** Too late, or answered already (e.g. in another tab): the transfer as it stands. */
        record NoLongerAwaiting(Transfer transfer) implements Answer {
        }

        /** No transfer of this customer waits under the apply number. */
        record NotFound() implements Answer {
        }
    }

    /** The customer's transfers waiting for confirmation and still in time, newest first. */
    public List<Transfer> awaiting(String customerId) {
        var now = clock.instant();
        return transfers.awaitingConfirmation(customerId).stream().filter(t -> t.confirmBy().isAfter(now)).toList();
    }

    /** One of the customer's transfers, whatever its status: the page shows what became of it. */
    public Optional<Transfer> of(String customerId, String applyNo) {
        // only a transfer that was held for confirmation has a confirmation time (V10's check)
        return transfers.byApplyNo(applyNo).filter(t -> t.customerId().equals(customerId) && t.confirmBy() != null);
    }

    public Answer confirm(String customerId, String applyNo) {
        Optional<Transfer> found = of(customerId, applyNo);
        if (found.isEmpty()) {
            return new Answer.NotFound();
        }
        LocalDate today = LocalDate.now(clock.withZone(BusinessClock.TOKYO));
        if (found.get().executionDate().isBefore(today)) {
            // confirmed after its day had passed (e.g. across midnight): it cannot run on the date it was priced for
            return new Answer.NoLongerAwaiting(expire(applyNo));
        }
        TransferStatus next = found.get().executionDate().isAfter(today) ? TransferStatus.SCHEDULED
                : TransferStatus.ACCEPTED;
        return lifecycle.confirm(applyNo, customerId, next)
                .<Answer>map(confirmed -> new Answer.Confirmed(execution.drive(confirmed)))
                .orElseGet(() -> new Answer.NoLongerAwaiting(expire(applyNo)));
    }

    public Answer decline(String customerId, String applyNo) {
        if (of(customerId, applyNo).isEmpty()) {
            return new Answer.NotFound();
        }
        return lifecycle.move(applyNo, AWAITING, TransferStatus.CANCELLED, DECLINED).<Answer>map(Answer.Declined::new)
                .orElseGet(() -> new Answer.NoLongerAwaiting(transfers.byApplyNo(applyNo).orElseThrow()));
    }

    /** Ends a transfer whose time ran out (if nobody answered meanwhile) and returns it as it stands. */
    Transfer expire(String applyNo) {
        lifecycle.move(applyNo, AWAITING, TransferStatus.FAILED, EXPIRED);
        return transfers.byApplyNo(applyNo).orElseThrow();
    }
}
