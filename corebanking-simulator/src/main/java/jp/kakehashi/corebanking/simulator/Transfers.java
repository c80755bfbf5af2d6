package jp.kakehashi.corebanking.simulator;

import static jp.kakehashi.corebanking.spi.TransferRejection.ACCOUNT_FROZEN;
import static jp.kakehashi.corebanking.spi.TransferRejection.ACCOUNT_NOT_FOUND;
import static jp.kakehashi.corebanking.spi.TransferRejection.DUPLICATE_REQUEST_MISMATCH;
import static jp.kakehashi.corebanking.spi.TransferRejection.INSUFFICIENT_FUNDS;
import static jp.kakehashi.corebanking.spi.TransferRejection.INVALID_AMOUNT;
import static jp.kakehashi.corebanking.spi.TransferRejection.PAYEE_ACCOUNT_FROZEN;
import static jp.kakehashi.corebanking.spi.TransferRejection.PAYEE_ACCOUNT_NOT_FOUND;
import static jp.kakehashi.corebanking.spi.TransferRejection.SAME_ACCOUNT;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.kakehashi.corebanking.simulator.Accounts.AccountState;
import jp.kakehashi.corebanking.spi.Payee;
import jp.kakehashi.corebanking.spi.TransferRejection;
import jp.kakehashi.corebanking.spi.TransferRequest;
import jp.kakehashi.corebanking.spi.TransferResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes transfers (振込) at once: within this bank from account to account, to other banks through the Zengin
 * clearing account. One database transaction claims the idempotency key, locks the accounts in a fixed order,
 * decides, posts and stores the outcome, so a crash leaves either everything or nothing.
 */
final class Transfers {

    private static final String KIND = "TRANSFER";

    private final TransactionTemplate transactions;
    private final Accounts accounts;
    private final Ledger ledger;
    private final TransferRequests requests;
    private final Clock clock;
    private final String bankCode;

    Transfers(TransactionTemplate transactions, Accounts accounts, Ledger ledger, TransferRequests requests,
            Clock clock, String bankCode) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.ledger = ledger;
        this.requests = requests;
        this.clock = clock;
        this.bankCode = bankCode;
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

        static Decision rejected(TransferRejection reason) {
            return new Decision(new TransferResult.Rejected(reason), null);
        }
    }

    private Decision decide(TransferRequest request, Instant now) {
        if (request.amount() < 1 || request.amount() > TransferRequest.MAX_AMOUNT) {
            return Decision.rejected(INVALID_AMOUNT);
        }
        Optional<AccountState> debit = accounts.customerAccount(request.debitAccountId())
                .filter(account -> account.customerId().equals(request.customerId().value()));
        if (debit.isEmpty()) {
            return Decision.rejected(ACCOUNT_NOT_FOUND);
        }
        boolean onUs = bankCode.equals(request.payee().bankCode());
        Optional<AccountState> payee = onUs ? payeeAccount(request.payee()) : Optional.empty();
        if (onUs && payee.isEmpty()) {
            return Decision.rejected(PAYEE_ACCOUNT_NOT_FOUND);
        }
        if (payee.isPresent() && payee.get().ref() == debit.get().ref()) {
            return Decision.rejected(SAME_ACCOUNT);
        }
        Map<Long, AccountState> locked = lock(debit.get(), payee);
        return decideLocked(request, locked.get(debit.get().ref()), payee.map(p -> locked.get(p.ref())), now);
    }

    private Decision decideLocked(TransferRequest request, AccountState debit, Optional<AccountState> payee,
            Instant now) {
        if (debit.closed()) {
            return Decision.rejected(ACCOUNT_NOT_FOUND);
        }
        if (debit.frozen()) {
            return Decision.rejected(ACCOUNT_FROZEN);
        }
        if (payee.isPresent() && payee.get().closed()) {
            return Decision.rejected(PAYEE_ACCOUNT_NOT_FOUND);
        }
        if (payee.isPresent() && payee.get().frozen()) {
            return Decision.rejected(PAYEE_ACCOUNT_FROZEN);
        }
        if (debit.balance() < request.amount()) {
            return Decision.rejected(INSUFFICIENT_FUNDS);
        }
        Payee to = request.payee();
        String remitter = request.remitterName() != null ? request.remitterName() : debit.nameKana();
        long creditRef = payee.map(AccountState::ref).orElseGet(() -> accounts.internalRef(InternalAccount.ZENGIN_CLEARING));
        String creditRemarks = payee.isPresent() ? "振込 " + remitter
                : "為替 %s-%s-%s-%s %s".formatted(to.bankCode(), to.branchCode(), to.accountTypeCode(),
                        to.accountNumber(), to.name());
        Ledger.Posted posted = ledger.post(Ledger.Posting.move(KIND, Tokyo.dateOf(now), now,
                debit.ref(), "振込 " + to.name(), creditRef, creditRemarks, request.amount()));
        var accepted = new TransferResult.Accepted(Transactions.id(posted.postingId()), request.debitAccountId(),
                request.amount(), posted.balancesAfter().getFirst(), now);
        return new Decision(accepted, posted.postingId());
    }

    private Optional<AccountState> payeeAccount(Payee payee) {
        return accounts.customerAccount(payee.branchCode(), payee.accountTypeCode(), payee.accountNumber());
    }

    /** Re-reads status and balance under lock: they may have changed since the unlocked look-up. */
    private Map<Long, AccountState> lock(AccountState debit, Optional<AccountState> payee) {
        List<Long> refs = Stream.concat(Stream.of(debit), payee.stream()).map(AccountState::ref).sorted().toList();
        return accounts.lockInOrder(refs).stream().collect(Collectors.toMap(AccountState::ref, Function.identity()));
    }
}
