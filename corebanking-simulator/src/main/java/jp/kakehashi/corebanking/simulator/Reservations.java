package jp.kakehashi.corebanking.simulator;

import static jp.kakehashi.corebanking.spi.TransferRejection.DUPLICATE_REQUEST_MISMATCH;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import jp.kakehashi.corebanking.simulator.Accounts.AccountState;
import jp.kakehashi.corebanking.spi.PostRefusal;
import jp.kakehashi.corebanking.spi.PostResult;
import jp.kakehashi.corebanking.spi.ReservationId;
import jp.kakehashi.corebanking.spi.ReservationResult;
import jp.kakehashi.corebanking.spi.ReservationStatus;
import jp.kakehashi.corebanking.spi.TransactionId;
import jp.kakehashi.corebanking.spi.TransferRejection;
import jp.kakehashi.corebanking.spi.TransferRequest;
import jp.kakehashi.corebanking.spi.VoidRefusal;
import jp.kakehashi.corebanking.spi.VoidResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two-phase transfers (reserve, then post or void; no overdraft). Each step is one database transaction. Locks are
 * always taken in the same order – the reservation's row first, then customer accounts by ascending row id – so
 * posting, voiding, expiring and one-step transfers wait for each other instead of deadlocking.
 *
 * <p>A hold whose lifetime ran out keeps lowering the withdrawable amount until {@link #expire} releases it, but
 * can no longer be posted: {@link #post} checks the lifetime itself.
 */
final class Reservations {

    private static final int EXPIRY_BATCH = 100;

    private final TransactionTemplate transactions;
    private final Routes routes;
    private final Ledger ledger;
    private final Holds holds;
    private final Clock clock;
    private final Duration holdLifetime;

    Reservations(TransactionTemplate transactions, Routes routes, Ledger ledger, Holds holds, Clock clock,
            Duration holdLifetime) {
        this.transactions = transactions;
        this.routes = routes;
        this.ledger = ledger;
        this.holds = holds;
        this.clock = clock;
        this.holdLifetime = holdLifetime;
    }

    ReservationResult reserve(TransferRequest request) {
        return transactions.execute(status -> {
            Instant now = Tokyo.now(clock);
            if (!holds.claim(request, now)) {
                Holds.Stored stored = holds.find(request.customerId(), request.idempotencyKey())
                        .orElseThrow(() -> new IllegalStateException("claimed idempotency key without outcome"));
                return stored.request().equals(request) ? stored.result()
                        : new ReservationResult.Rejected(DUPLICATE_REQUEST_MISMATCH);
            }
            Routes.Checked checked = routes.check(request);
            if (!checked.accepted()) {
                holds.reject(request, checked.rejection());
                return new ReservationResult.Rejected(checked.rejection());
            }
            long withdrawableAfter = checked.route().debit().withdrawable() - request.totalDebitAmount();
            Instant expiresAt = now.plus(holdLifetime);
            long id = holds.hold(request, checked.route(), withdrawableAfter, expiresAt);
            return new ReservationResult.Reserved(Holds.idOf(id), request.debitAccountId(), request.amount(),
                    request.fee(), withdrawableAfter, now, expiresAt);
        });
    }

    PostResult post(ReservationId reservationId) {
        OptionalLong row = Holds.rowOf(reservationId);
        if (row.isEmpty()) {
            return new PostResult.Refused(PostRefusal.RESERVATION_NOT_FOUND);
        }
        return transactions.execute(status -> holds.lock(row.getAsLong())
                .map(this::postLocked)
                .orElseGet(() -> new PostResult.Refused(PostRefusal.RESERVATION_NOT_FOUND)));
    }

    private PostResult postLocked(Holds.Hold hold) {
        Instant now = Tokyo.now(clock);
        return switch (hold.status()) {
            case POSTED -> posted(hold, Transactions.id(hold.postingId()), hold.balanceAfter(), hold.closedAt());
            case VOIDED -> new PostResult.Refused(PostRefusal.RESERVATION_VOIDED);
            case EXPIRED -> new PostResult.Refused(PostRefusal.RESERVATION_EXPIRED);
            case ACTIVE -> now.isBefore(hold.expiresAt()) ? postActive(hold, now) : expireLocked(hold, now);
        };
    }

    private PostResult expireLocked(Holds.Hold hold, Instant now) {
        holds.release(hold.id(), ReservationStatus.EXPIRED, now);
        return new PostResult.Refused(PostRefusal.RESERVATION_EXPIRED);
    }

    /** Releases the hold, then posts the legs: the other order would overdraw the withdrawable amount in between. */
    private PostResult postActive(Holds.Hold hold, Instant now) {
        Map<Long, AccountState> locked = routes.lock(Stream.of(hold.debitRef(), hold.creditRef()).distinct());
        AccountState debit = locked.get(hold.debitRef());
        Optional<PostRefusal> refusal = refusal(debit, Optional.ofNullable(locked.get(hold.creditRef())));
        if (refusal.isPresent()) {
            return new PostResult.Refused(refusal.get());
        }
        TransferPosting transfer = hold.posting(routes.feeIncomeRef());
        Ledger.Posting posting = transfer.posting(Tokyo.dateOf(now), now);
        long postingId = ledger.open(posting);
        long balanceAfter = debit.balance() - transfer.total();
        holds.markPosted(hold.id(), postingId, balanceAfter, now);
        List<Long> balancesAfter = ledger.addLegs(postingId, posting);
        if (transfer.debitBalanceAfter(balancesAfter) != balanceAfter) {
            throw new IllegalStateException("debit account changed under lock: " + hold.debitAccountId());
        }
        return posted(hold, Transactions.id(postingId), balanceAfter, now);
    }

    private static Optional<PostRefusal> refusal(AccountState debit, Optional<AccountState> payee) {
        if (debit.closed()) {
            return Optional.of(PostRefusal.ACCOUNT_NOT_FOUND);
        }
        if (debit.frozen()) {
            return Optional.of(PostRefusal.ACCOUNT_FROZEN);
        }
        return Routes.payeeRefusal(payee).map(reason -> reason == TransferRejection.PAYEE_ACCOUNT_FROZEN
                ? PostRefusal.PAYEE_ACCOUNT_FROZEN : PostRefusal.PAYEE_ACCOUNT_NOT_FOUND);
    }

    private static PostResult.Posted posted(Holds.Hold hold, TransactionId id,
            long balanceAfter, Instant postedAt) {
        return new PostResult.Posted(hold.reservationId(), id, hold.debitAccountId(), hold.amount(), hold.fee(),
                balanceAfter, postedAt);
    }

    VoidResult voidReservation(ReservationId reservationId) {
        OptionalLong row = Holds.rowOf(reservationId);
        if (row.isEmpty()) {
            return new VoidResult.Refused(VoidRefusal.RESERVATION_NOT_FOUND);
        }
        return transactions.execute(status -> holds.lock(row.getAsLong())
                .map(this::voidLocked)
                .orElseGet(() -> new VoidResult.Refused(VoidRefusal.RESERVATION_NOT_FOUND)));
    }

    private VoidResult voidLocked(Holds.Hold hold) {
        return switch (hold.status()) {
            case POSTED -> new VoidResult.Refused(VoidRefusal.RESERVATION_POSTED);
            case EXPIRED -> new VoidResult.Refused(VoidRefusal.RESERVATION_EXPIRED);
            case VOIDED -> voided(hold, hold.closedAt());
            case ACTIVE -> {
                Instant now = Tokyo.now(clock);
                holds.release(hold.id(), ReservationStatus.VOIDED, now);
                yield voided(hold, now);
            }
        };
    }

    private static VoidResult.Voided voided(Holds.Hold hold, Instant voidedAt) {
        return new VoidResult.Voided(hold.reservationId(), hold.debitAccountId(), hold.amount(), hold.fee(),
                voidedAt);
    }

    /**
     * Releases lapsed holds, each in a transaction of its own, so that a sweep never holds two accounts' locks at
     * once (two sweeps taking them in different orders could deadlock) and skips a hold someone is working on.
     */
    int expire() {
        int expired = 0;
        int inBatch;
        do {
            Instant now = Tokyo.now(clock);
            List<Long> overdue = holds.overdue(now, EXPIRY_BATCH);
            inBatch = 0;
            for (long id : overdue) {
                Boolean released = transactions.execute(status -> holds.lockIfStillOverdue(id, now)
                        .map(hold -> {
                            holds.release(hold.id(), ReservationStatus.EXPIRED, now);
                            return true;
                        })
                        .orElse(false));
                inBatch += Boolean.TRUE.equals(released) ? 1 : 0;
            }
            expired += inBatch;
        } while (inBatch == EXPIRY_BATCH);
        return expired;
    }
}
