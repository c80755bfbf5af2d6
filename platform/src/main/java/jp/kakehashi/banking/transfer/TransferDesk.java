package jp.kakehashi.banking.transfer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import jp.kakehashi.banking.TransferStatus;
import jp.kakehashi.banking.TransferStatusReason;
import jp.kakehashi.banking.transfer.rules.TransferItem;
import jp.kakehashi.consent.Grant;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.corebanking.spi.CoreBanking;
import jp.kakehashi.corebanking.spi.CustomerId;
import jp.kakehashi.corebanking.spi.IdempotencyKey;
import jp.kakehashi.corebanking.spi.Payee;
import jp.kakehashi.risk.RiskDecision;
import jp.kakehashi.risk.RiskSignals;
import jp.kakehashi.risk.TransferRiskFacts;
import jp.kakehashi.risk.TransferRiskPolicy;
import jp.kakehashi.shared.BusinessClock;
import jp.kakehashi.shared.ClientId;
import jp.kakehashi.shared.GrantId;
import jp.kakehashi.shared.TppId;
import jp.kakehashi.shared.Yen;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts transfer requests (振込受付, B10; payment correctness) once per idempotency key. Same-day ones are stored
 * {@link TransferStatus#ACCEPTED} and executed at once ({@link TransferExecution}), later dates are stored as
 * {@link TransferStatus#SCHEDULED}, and where the bank's policy wants the customer's own confirmation at the bank
 * (帯域外認証, B10) the transfer waits {@link TransferStatus#AWAITING_CONFIRMATION} for it. A retry of a request
 * answers what is stored, driving an accepted transfer on if it is still accepted.
 * <p>
 * Limits (B10) are counted over the customer's accepted transfers (running totals, {@link CustomerTotals}) while the
 * customer's row is locked, in the transaction that stores the transfer; a refusal by the limits or the payee rule
 * stores nothing.
 */
@Component
public class TransferDesk {

    private static final Set<TransferStatus> CANCELLABLE = Set.of(TransferStatus.SCHEDULED,
            TransferStatus.AWAITING_CONFIRMATION);

    /** The payment right (更新系) a grant must carry to touch a transfer. */
    private static final String PAYMENT_SCOPE = "transfers";

    private final Transfers transfers;
    private final CoreBanking coreBanking;
    private final TransferExecution execution;
    private final TransferLifecycle lifecycle;
    private final Duration confirmationTime;
    private final TransferRiskPolicy riskPolicy;
    private final CustomerTotals totals;
    private final Grants grants;
    private final TransactionTemplate transaction;
    private final TransferLimitPolicy limitPolicy;
    private final Clock clock;
    private final TransferQuotes quotes;
    private final TransferRefusals refusals;
    private final SecureRandom random = new SecureRandom();

    TransferDesk(Transfers transfers, CoreBanking coreBanking, Grants grants, TransferExecution execution,
            TransferLifecycle lifecycle, TransferRiskPolicy riskPolicy, CustomerTotals totals,
            PlatformTransactionManager transactions, TransferProperties properties, Clock clock, TransferQuotes quotes,
            TransferRefusals refusals) {
        this.quotes = quotes;
        this.refusals = refusals;
        this.totals = totals;
        this.riskPolicy = riskPolicy;
        this.limitPolicy = properties.limits().policy();
        this.confirmationTime = properties.confirmationTime();
        this.execution = execution;
        this.lifecycle = lifecycle;
        this.transfers = transfers;
        this.coreBanking = coreBanking;
        this.grants = grants;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Who asks: the grant's customer, through one of the TPP's clients. The ids are values; their string accessors
     * are for the SQL and the core system's port at the edge.
     *
     * @param customer     the grant's customer, null for a token of no customer
     * @param tpp          the TPP the grant was given to: the transfer is that TPP's to read and cancel
     * @param grant        the grant the token hangs from, null for a token of no grant
     * @param secondFactor whether the customer signed in with a second factor for the grant (acr), which the
     *                     single-factor cap of the limits (B10) depends on
     * @param signals      what the TPP told about the customer's session (C3), null if nothing
     */
    public record Caller(jp.kakehashi.shared.CustomerId customer, TppId tpp, ClientId client, GrantId grant,
            boolean secondFactor, RiskSignals signals) {

        String customerId() {
            return customer == null ? null : customer.value();
        }

        String clientId() {
            return client == null ? null : client.value();
        }

        String grantId() {
            return grant == null ? null : grant.value();
        }
    }

    /**
     * A transfer request (振込依頼, B10) under the client's {@code Idempotency-Key}: the retry of a request answers
     * what the first got; a new one is priced from one of {@code accountIds} and accepted or refused. Every refusal
     * is published as {@link jp.kakehashi.banking.TransferRefused} with its reason before it is returned (C3 "every
     * rejection is an audited event with its reason code").
     *
     * @param accountIds the accounts the customer chose for the caller's grant (D1)
     */
    public TransferOutcome transfer(Caller caller, List<String> accountIds, String idempotencyKey,
            TransferOrder order) {
        TransferOutcome outcome = decide(caller, accountIds, idempotencyKey, order);
        if (outcome instanceof TransferOutcome.Refused refused) {
            refusals.record(caller, refused, amountOf(order));
        }
        return outcome;
    }

    /** A request refused before it could be read as a transfer (e.g. a malformed body): published (C3) and returned. */
    public TransferOutcome.Refused refuse(Caller caller, TransferOutcome.Refused refusal) {
        refusals.record(caller, refusal, null);
        return refusal;
    }

    private TransferOutcome decide(Caller caller, List<String> accountIds, String idempotencyKey,
            TransferOrder order) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > IdempotencyKey.MAX_LENGTH) {
            return new TransferOutcome.InvalidParameter("Idempotency-Key",
                    "Idempotency-Key is required, 1 to " + IdempotencyKey.MAX_LENGTH + " characters");
        }
        String fingerprint = Fingerprint.of(caller.customerId(), order);
        Optional<TransferOutcome> replayed = replay(caller, idempotencyKey, fingerprint);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        return switch (quotes.quote(caller.customerId(), accountIds, order)) {
            case TransferQuotes.Priced priced -> submit(caller, idempotencyKey, fingerprint, priced.quote());
            case TransferQuotes.Refused refused -> refused.refusal();
        };
    }

    /** The amount in yen as the request gave it, for the audit log, when it is readable. */
    private static Long amountOf(TransferOrder order) {
        if (order == null || order.transfers() == null || order.transfers().isEmpty()
                || order.transfers().getFirst() == null) {
            return null;
        }
        try {
            return Long.valueOf(order.transfers().getFirst().transferAmount());
        }
        catch (NumberFormatException unreadable) {
            return null;
        }
    }

    /** The answer to a request whose key the client used before: the same transfer, or a refusal of the key. */
    private Optional<TransferOutcome> replay(Caller caller, String idempotencyKey, String fingerprint) {
        return transfers.byKey(caller.clientId(), idempotencyKey).map(existing -> existing.fingerprint()
                .equals(fingerprint) ? new TransferOutcome.Accepted(execution.drive(existing))
                : new TransferOutcome.KeyReused());
    }

    /**
     * Accepts a priced request under a key the client has not used (as far as {@link #replay} saw). A grant approved
     * for one transfer makes exactly that one, once; any other grant is held to the bank's limits (B10).
     */
    private TransferOutcome submit(Caller caller, String idempotencyKey, String fingerprint, Quote.Priced priced) {
        Optional<AuthorisedTransfer> approved = AuthorisedTransfer.of(grants.authorizationDetailsOf(caller.grantId()));
        if (approved.isPresent() && !approved.get().allows(priced)) {
            return new TransferOutcome.NotAuthorised("not the transfer the customer approved");
        }
        // the customer approved this very transfer on the bank's screen: the policy's limits are for open grants
        TransferLimits limits = approved.isPresent() ? TransferLimits.NONE : limitsOf(caller);
        TransferItem item = priced.transfer().items().getFirst();
        Payee payee = corePayee(item);
        Yen amount = new Yen(item.amount());
        // asked by the payee rule and by a fraud rule: the core is asked once at most
        var ownAccount = new java.util.concurrent.atomic.AtomicReference<Boolean>();
        BooleanSupplier own = () -> ownAccount.updateAndGet(known -> known != null ? known
                : ownAccount(caller.customerId(), payee));
        if (limits.ownAccountsOnly() && !own.getAsBoolean()) {
            return new TransferOutcome.PayeeNotAllowed();
        }
        int bound = riskPolicy.recentTransfersBound();
        int recent = bound == 0 ? 0 : transfers.countSince(caller.customerId(), caller.clientId(),
                clock.instant().minus(Duration.ofHours(1)), bound);
        RiskDecision risk = riskPolicy.assess(new TransferRiskFacts(caller.signals(), amount.amount(),
                () -> transfers.paidBefore(caller.customerId(), payee), own, recent));
        if (risk instanceof RiskDecision.Decline declined) {
            return new TransferOutcome.Declined(declined.reason());
        }
        // a transfer the customer approved on the bank's own screen is confirmed already
        TransferStatusReason confirmation = approved.isPresent() ? null
                : limits.needsConfirmation(amount) ? TransferStatusReason.AMOUNT_ABOVE_CONFIRMATION_THRESHOLD
                : risk instanceof RiskDecision.Confirm confirm ? TransferStatusReason.of(confirm.reason()) : null;
        Transfer transfer = newTransfer(caller, idempotencyKey, fingerprint, priced, confirmation);
        var overAmount = TransferLimitPolicy.checkAmount(limits, transfer.amount());
        if (overAmount.isPresent()) {
            return new TransferOutcome.LimitExceeded(overAmount.get());
        }
        TransferOutcome claimed = transaction.execute(status -> {
            TransferOutcome outcome = claim(transfer, caller.tpp(), approved.isPresent(), limits);
            if (!(outcome instanceof TransferOutcome.Accepted)) {
                status.setRollbackOnly();
            }
            return outcome;
        });
        if (claimed == null) {
            // a concurrent request with the same key stored its transfer first: answer as a retry of it
            return replay(caller, idempotencyKey, fingerprint).orElseThrow();
        }
        return claimed instanceof TransferOutcome.Accepted ? new TransferOutcome.Accepted(execution.drive(transfer))
                : claimed;
    }

    /**
     * Stores the transfer with its key, counted against the customer's limits under the customer's lock, and uses
     * up a single-use grant; null when the key turns out to be taken (then nothing is stored).
     */
    private TransferOutcome claim(Transfer transfer, TppId tpp, boolean singleUse, TransferLimits limits) {
        LocalDate today = LocalDate.ofInstant(transfer.acceptedAt(), BusinessClock.TOKYO);
        CustomerTotals.Totals accepted = totals.lock(transfer.customerId(), today);
        // a retry that waited for the lock finds the first request's transfer: it is a retry, not a new transfer
        if (transfers.byKey(transfer.clientId(), transfer.idempotencyKey()).isPresent()) {
            return null;
        }
        var over = TransferLimitPolicy.checkTotals(limits, transfer.amount(), accepted.day(), accepted.month());
        if (over.isPresent()) {
            return new TransferOutcome.LimitExceeded(over.get());
        }
        if (!transfers.insertUnlessKeyUsed(transfer, tpp)) {
            return null;
        }
        totals.add(transfer.customerId(), today, accepted, transfer.amount());
        if (singleUse && !transfers.useGrant(transfer.grantId(), transfer.applyNo())) {
            return new TransferOutcome.NotAuthorised("the approved transfer was made already");
        }
        lifecycle.stored(transfer);
        return new TransferOutcome.Accepted(transfer);
    }

    private TransferLimits limitsOf(Caller caller) {
        TppId tpp = grants.find(caller.grantId()).map(Grant::tppId).map(TppId::of).orElse(null);
        String segment = coreBanking.customer(new CustomerId(caller.customerId())).map(c -> c.type().name())
                .orElse(null);
        return limitPolicy.limitsFor(tpp, segment, caller.secondFactor());
    }

    /** Whether the payee is one of the customer's own accounts at this bank (Zengin type 4 is subject 04). */
    private boolean ownAccount(String customerId, Payee payee) {
        return payee.bankCode().equals(coreBanking.bankCode()) && coreBanking.accountsOf(new CustomerId(customerId))
                .stream().anyMatch(a -> a.branchCode().equals(payee.branchCode())
                        && a.accountNumber().equals(payee.accountNumber())
                        && Integer.parseInt(a.accountTypeCode()) == Integer.parseInt(payee.accountTypeCode()));
    }

    /** The payee of a validated item as the core system takes it. */
    private static Payee corePayee(TransferItem item) {
        var payee = item.payee();
        return new Payee(payee.bankCode(), payee.branchCode(), payee.accountType().code(), payee.accountNumber(),
                payee.name());
    }

    /**
     * A new transfer: waiting for the customer's confirmation at the bank (for the reason given), for its date, or
     * to run now.
     */
    private Transfer newTransfer(Caller caller, String idempotencyKey, String fingerprint, Quote.Priced priced,
            TransferStatusReason confirmationReason) {
        boolean confirmFirst = confirmationReason != null;
        TransferItem item = priced.transfer().items().getFirst();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.now(clock.withZone(BusinessClock.TOKYO));
        TransferStatus status = confirmFirst ? TransferStatus.AWAITING_CONFIRMATION
                : priced.executionDate().isAfter(today) ? TransferStatus.SCHEDULED : TransferStatus.ACCEPTED;
        return new Transfer(applyNo(), caller.clientId(), caller.grantId(), caller.customerId(), idempotencyKey,
                fingerprint, priced.accountId(), corePayee(item), priced.transfer().remitterName(), item.ediInfo(),
                new Yen(item.amount()), priced.totalFee(), priced.executionDate(), status, confirmationReason, null, now,
                confirmFirst ? now.plus(confirmationTime) : null);
    }

    /** 16 random digits: unguessable, so an apply number found elsewhere tells nothing about its neighbours. */
    private String applyNo() {
        return String.format("%016d", random.nextLong(10_000_000_000_000_000L));
    }

    /**
     * Cancels a transfer that has not run yet (a scheduled one, or one waiting for the customer's confirmation), for
     * a client of the TPP that made it, under a grant of the same customer over its account (the rule of
     * {@link TransferRecords}: a transfer another TPP made is not found); a cancelled one is answered as it is, so a
     * retried cancel is harmless.
     */
    public Cancellation cancel(Caller caller, List<String> accountIds, String applyNo) {
        // B3, B5: cancelling a payment is a payment right; a read-only grant of a sibling client of the TPP may see
        // nothing of it, whatever the token in hand says (the resource server already requires the scope)
        if (caller.grantId() == null || !grants.find(caller.grantId())
                .map(grant -> grant.scopes().contains(PAYMENT_SCOPE)).orElse(false)) {
            return new Cancellation.NotPermitted();
        }
        Optional<Transfer> found = caller.tpp() == null || accountIds.isEmpty() ? Optional.empty()
                : transfers.of(caller.customerId(), caller.tpp(), accountIds, applyNo);
        if (found.isEmpty()) {
            return new Cancellation.NotFound();
        }
        if (found.get().status() == TransferStatus.CANCELLED) {
            return new Cancellation.Cancelled(found.get());
        }
        return lifecycle.move(applyNo, CANCELLABLE, TransferStatus.CANCELLED,
                TransferStatusReason.CANCELLED_BY_TPP)
                .<Cancellation>map(Cancellation.Cancelled::new)
                .orElseGet(() -> new Cancellation.NotCancellable(transfers.byApplyNo(applyNo).orElseThrow()));
    }
}
