package jp.kakehashi.corebanking.simulator;

import static jp.kakehashi.corebanking.spi.TransferRejection.DUPLICATE_REQUEST_MISMATCH;

import java.time.Clock;
import java.time.Instant;
import jp.kakehashi.corebanking.spi.TransferRequest;
import jp.kakehashi.corebanking.spi.TransferResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes transfers (振込) at once (see {@link Routes} for where the money goes). One database transaction claims
 * the idempotency key, locks the accounts in a fixed order, decides, posts and stores the outcome, so a crash
 * leaves either everything or nothing.
 */
final class Transfers {

    private final TransactionTemplate transactions;
    private final Routes routes;
    private final Ledger ledger;
    private final TransferRequests requests;
    private final Clock clock;

    Transfers(TransactionTemplate transactions, Routes routes, Ledger ledger, TransferRequests requests,
            Clock clock) {
        this.transactions = transactions;
        this.routes = routes;
        this.ledger = ledger;
        this.requests = requests;
        this.clock = clock;
    }

    TransferResult transfer(TransferRequest request) {
        return transactions.execute(status -> {
            Instant now = Tokyo.now(clock);
            if (!requests.claim(request, now)) {
                return replay(request);
            }
            Decision decision = decide(request, now);
            requests.complete(request, decision.result(), decision.postingId());
            return decision.result();
        });
    }

    private TransferResult replay(TransferRequest request) {
        TransferRequests.Stored stored = requests.find(request.customerId(), request.idempotencyKey())
                .orElseThrow(() -> new IllegalStateException("claimed idempotency key without outcome"));
        return stored.request().equals(request) ? stored.result() : new TransferResult.Rejected(DUPLICATE_REQUEST_MISMATCH);
    }

    private record Decision(TransferResult result, Long postingId) {
    }

    private Decision decide(TransferRequest request, Instant now) {
        Routes.Checked checked = routes.check(request);
        if (!checked.accepted()) {
            return new Decision(new TransferResult.Rejected(checked.rejection()), null);
        }
        TransferPosting transfer = routes.posting(checked.route(), request);
        Ledger.Posted posted = ledger.post(transfer.posting(Tokyo.dateOf(now), now));
        var accepted = new TransferResult.Accepted(Transactions.id(posted.postingId()), request.debitAccountId(),
                request.amount(), request.fee(), transfer.debitBalanceAfter(posted.balancesAfter()), now);
        return new Decision(accepted, posted.postingId());
    }
}
