package jp.kakehashi.banking.transfer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import jp.kakehashi.banking.transfer.rules.TransferItem;
import jp.kakehashi.consent.Grant;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.corebanking.spi.CoreBanking;
import jp.kakehashi.corebanking.spi.CustomerId;
import jp.kakehashi.corebanking.spi.Payee;
import jp.kakehashi.corebanking.spi.PostRefusal;
import jp.kakehashi.corebanking.spi.PostResult;
import jp.kakehashi.corebanking.spi.ReservationResult;
import jp.kakehashi.shared.BusinessClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts transfer requests (振込受付, issue 4) once per idempotency key and executes same-day ones through the core
 * system in two phases, reserve then post; later dates are stored as {@link TransferStatus#SCHEDULED}.
 * <p>
 * No platform transaction is open while the core is called: the core is a remote system. Instead the transfer is
 * stored first, with its key, as {@link TransferStatus#PENDING}; whoever finds it pending (the first request or any
 * retry of it, on any node) drives it on, and since the core's reserve and post are idempotent they all get the same
 * answers from it. The first to store the end wins; everyone answers what is stored.
 * <p>
 * Limits (B10) are counted over the customer's accepted transfers while the customer's row is locked, in the
 * transaction that stores the transfer; a refusal by the limits or the payee rule stores nothing.
 */
@Component
public class TransferDesk {

    private final Transfers transfers;
    private final CoreBanking coreBanking;
    private final Grants grants;
    private final TransactionTemplate transaction;
    private final TransferLimitPolicy limitPolicy;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TransferDesk(Transfers transfers, CoreBanking coreBanking, Grants grants, PlatformTransactionManager transactions,
            TransferProperties properties, Clock clock) {
        this.limitPolicy = properties.limits().policy();
        this.transfers = transfers;
        this.coreBanking = coreBanking;
        this.grants = grants;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Who asks: the grant's customer, through one of the TPP's clients. */
    public record Caller(String customerId, String clientId, String grantId) {
    }

    /** The answer to a request whose key the client used before: the same transfer, or a refusal of the key. */
    public Optional<Submission> replay(Caller caller, String idempotencyKey, String fingerprint) {
        return transfers.byKey(caller.clientId(), idempotencyKey).map(existing -> existing.fingerprint()
                .equals(fingerprint) ? new Submission.Accepted(drive(existing)) : new Submission.KeyReused());
    }

    /**
     * Accepts a priced request under a key the client has not used (as far as {@link #replay} saw). A grant approved
     * for one transfer makes exactly that one, once; any other grant is held to the bank's limits (B10).
     */
    public Submission submit(Caller caller, String idempotencyKey, String fingerprint, Quote.Priced priced) {
        Optional<AuthorisedTransfer> approved = AuthorisedTransfer.of(grants.authorizationDetailsOf(caller.grantId()));
        if (approved.isPresent() && !approved.get().allows(priced)) {
            return new Submission.NotAuthorised("not the transfer the customer approved");
        }
        // the customer approved this very transfer on the bank's screen: the policy's limits are for open grants
        TransferLimits limits = approved.isPresent() ? TransferLimits.NONE : limitsOf(caller);
        Transfer transfer = newTransfer(caller, idempotencyKey, fingerprint, priced);
        if (limits.ownAccountsOnly() && !ownAccount(caller.customerId(), transfer.payee())) {
            return new Submission.PayeeNotAllowed();
        }
        var overAmount = TransferLimitPolicy.checkAmount(limits, transfer.amount());
        if (overAmount.isPresent()) {
            return new Submission.LimitExceeded(overAmount.get());
        }
        Submission claimed = transaction.execute(status -> {
            Submission outcome = claim(transfer, approved.isPresent(), limits);
            if (!(outcome instanceof Submission.Accepted)) {
                status.setRollbackOnly();
            }
            return outcome;
        });
        if (claimed == null) {
            // a concurrent request with the same key stored its transfer first: answer as a retry of it
            return replay(caller, idempotencyKey, fingerprint).orElseThrow();
        }
        return claimed instanceof Submission.Accepted ? new Submission.Accepted(drive(transfer)) : claimed;
    }

    /**
     * Stores the transfer with its key, counted against the customer's limits under the customer's lock, and uses
     * up a single-use grant; null when the key turns out to be taken (then nothing is stored).
     */
    private Submission claim(Transfer transfer, boolean singleUse, TransferLimits limits) {
        transfers.lockCustomer(transfer.customerId());
        // a retry that waited for the lock finds the first request's transfer: it is a retry, not a new transfer
        if (transfers.byKey(transfer.clientId(), transfer.idempotencyKey()).isPresent()) {
            return null;
        }
        ZonedDateTime now = clock.instant().atZone(BusinessClock.TOKYO);
        ZonedDateTime today = now.toLocalDate().atStartOfDay(BusinessClock.TOKYO);
        long[] accepted = transfers.acceptedSince(transfer.customerId(), today.toInstant(),
                today.withDayOfMonth(1).toInstant());
        var over = TransferLimitPolicy.checkTotals(limits, transfer.amount(), accepted[0], accepted[1]);
        if (over.isPresent()) {
            return new Submission.LimitExceeded(over.get());
        }
        if (!transfers.insertUnlessKeyUsed(transfer)) {
            return null;
        }
        if (singleUse && !transfers.useGrant(transfer.grantId(), transfer.applyNo())) {
            return new Submission.NotAuthorised("the approved transfer was made already");
        }
        return new Submission.Accepted(transfer);
    }

    private TransferLimits limitsOf(Caller caller) {
        String tppId = grants.find(caller.grantId()).map(Grant::tppId).orElse(null);
        String segment = coreBanking.customer(new CustomerId(caller.customerId())).map(c -> c.type().name())
                .orElse(null);
        return limitPolicy.limitsFor(tppId, segment);
    }

    /** Whether the payee is one of the customer's own accounts at this bank (Zengin type 4 is subject 04). */
    private boolean ownAccount(String customerId, Payee payee) {
        return payee.bankCode().equals(coreBanking.bankCode()) && coreBanking.accountsOf(new CustomerId(customerId))
                .stream().anyMatch(a -> a.branchCode().equals(payee.branchCode())
                        && a.accountNumber().equals(payee.accountNumber())
                        && Integer.parseInt(a.accountTypeCode()) == Integer.parseInt(payee.accountTypeCode()));
    }

    private Transfer newTransfer(Caller caller, String idempotencyKey, String fingerprint, Quote.Priced priced) {
        TransferItem item = priced.transfer().items().getFirst();
        var payee = item.payee();
        LocalDate today = LocalDate.now(clock.withZone(BusinessClock.TOKYO));
        TransferStatus status = priced.executionDate().isAfter(today) ? TransferStatus.SCHEDULED
                : TransferStatus.PENDING;
        return new Transfer(applyNo(), caller.clientId(), caller.grantId(), caller.customerId(), idempotencyKey,
                fingerprint, priced.accountId(), new Payee(payee.bankCode(), payee.branchCode(),
                        payee.accountType().code(), payee.accountNumber(), payee.name()),
                priced.transfer().remitterName(), item.ediInfo(), item.amount(), priced.totalFee(),
                priced.executionDate(), status, null, null, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /** 16 random digits: unguessable, so an apply number found elsewhere tells nothing about its neighbours. */
    private String applyNo() {
        return String.format("%016d", random.nextLong(10_000_000_000_000_000L));
    }

    /** Takes a pending transfer through the core to its end; a transfer already ended is returned as it is. */
    private Transfer drive(Transfer transfer) {
        if (transfer.status() != TransferStatus.PENDING) {
            return transfer;
        }
        switch (coreBanking.reserve(transfer.coreRequest())) {
            case ReservationResult.Rejected rejected -> end(transfer, TransferStatus.FAILED, rejected.reason().name());
            case ReservationResult.Reserved reserved -> {
                transfers.holdReserved(transfer.applyNo(), reserved.reservationId().value());
                switch (coreBanking.post(reserved.reservationId())) {
                    case PostResult.Posted posted -> end(transfer, TransferStatus.COMPLETED, null);
                    case PostResult.Refused refused -> {
                        if (holdRemains(refused.reason())) {
                            coreBanking.voidReservation(reserved.reservationId());
                        }
                        end(transfer, TransferStatus.FAILED, refused.reason().name());
                    }
                }
            }
        }
        return transfers.byApplyNo(transfer.applyNo()).orElseThrow();
    }

    /** After these refusals the core keeps the hold; the platform gives up the transfer, so it releases it. */
    private static boolean holdRemains(PostRefusal reason) {
        return switch (reason) {
            case ACCOUNT_NOT_FOUND, ACCOUNT_FROZEN, PAYEE_ACCOUNT_NOT_FOUND, PAYEE_ACCOUNT_FROZEN -> true;
            case RESERVATION_NOT_FOUND, RESERVATION_VOIDED, RESERVATION_EXPIRED -> false;
        };
    }

    private void end(Transfer transfer, TransferStatus status, String failureReason) {
        transfers.finish(transfer.applyNo(), status, failureReason, clock.instant());
    }
}
