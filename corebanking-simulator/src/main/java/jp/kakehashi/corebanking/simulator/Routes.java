package jp.kakehashi.corebanking.simulator;

import static jp.kakehashi.corebanking.spi.TransferRejection.ACCOUNT_FROZEN;
import static jp.kakehashi.corebanking.spi.TransferRejection.ACCOUNT_NOT_FOUND;
import static jp.kakehashi.corebanking.spi.TransferRejection.INSUFFICIENT_FUNDS;
import static jp.kakehashi.corebanking.spi.TransferRejection.INVALID_AMOUNT;
import static jp.kakehashi.corebanking.spi.TransferRejection.PAYEE_ACCOUNT_FROZEN;
import static jp.kakehashi.corebanking.spi.TransferRejection.PAYEE_ACCOUNT_NOT_FOUND;
import static jp.kakehashi.corebanking.spi.TransferRejection.SAME_ACCOUNT;

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

/**
 * Checks a transfer instruction against the accounts and works out where its money goes: within this bank from
 * account to account, to other banks through the Zengin clearing account, the fee to the bank's remittance fee
 * income ({@link TransferPosting}). Shared by one-step transfers and reservations, so both refuse exactly
 * the same cases. Must run inside the deciding transaction: it locks the customer accounts involved, in a fixed
 * order, and decides on what it read under the lock.
 */
final class Routes {

    /**
     * A checked instruction with both sides locked.
     *
     * @param payee     the payee's account when it is at this bank
     * @param creditRef the payee's account, or the Zengin clearing account for other banks
     */
    record Route(AccountState debit, Optional<AccountState> payee, long creditRef, String debitRemarks,
            String creditRemarks) {
    }

    /** Either a route or why there is none. */
    record Checked(Route route, TransferRejection rejection) {

        static Checked rejected(TransferRejection reason) {
            return new Checked(null, reason);
        }

        boolean accepted() {
            return route != null;
        }
    }

    private final Accounts accounts;
    private final String bankCode;

    Routes(Accounts accounts, String bankCode) {
        this.accounts = accounts;
        this.bankCode = bankCode;
    }

    /** Checks and locks; the debit account's withdrawable amount must cover the amount and the fee. */
    Checked check(TransferRequest request) {
        if (request.amount() < 1 || request.amount() > TransferRequest.MAX_AMOUNT) {
            return Checked.rejected(INVALID_AMOUNT);
        }
        Optional<AccountState> debit = accounts.customerAccount(request.debitAccountId())
                .filter(account -> account.customerId().equals(request.customerId().value()));
        if (debit.isEmpty()) {
            return Checked.rejected(ACCOUNT_NOT_FOUND);
        }
        boolean onUs = bankCode.equals(request.payee().bankCode());
        Optional<AccountState> payee = onUs ? payeeAccount(request.payee()) : Optional.empty();
        if (onUs && payee.isEmpty()) {
            return Checked.rejected(PAYEE_ACCOUNT_NOT_FOUND);
        }
        if (payee.isPresent() && payee.get().ref() == debit.get().ref()) {
            return Checked.rejected(SAME_ACCOUNT);
        }
        Map<Long, AccountState> locked = lock(Stream.concat(debit.stream(), payee.stream()).map(AccountState::ref));
        return checkLocked(request, locked.get(debit.get().ref()), payee.map(p -> locked.get(p.ref())));
    }

    /**
     * Locks customer accounts in ascending row order and re-reads them: status and balance may have changed since
     * an unlocked look-up. Internal accounts are never locked, as they keep no balance.
     */
    Map<Long, AccountState> lock(Stream<Long> refs) {
        List<Long> sorted = refs.sorted().toList();
        return accounts.lockInOrder(sorted).stream()
                .collect(Collectors.toMap(AccountState::ref, Function.identity()));
    }

    /** Why the payee's account can no longer receive, re-checked when a hold is posted. */
    static Optional<TransferRejection> payeeRefusal(Optional<AccountState> payee) {
        if (payee.isPresent() && payee.get().closed()) {
            return Optional.of(PAYEE_ACCOUNT_NOT_FOUND);
        }
        if (payee.isPresent() && payee.get().frozen()) {
            return Optional.of(PAYEE_ACCOUNT_FROZEN);
        }
        return Optional.empty();
    }

    private Checked checkLocked(TransferRequest request, AccountState debit, Optional<AccountState> payee) {
        if (debit.closed()) {
            return Checked.rejected(ACCOUNT_NOT_FOUND);
        }
        if (debit.frozen()) {
            return Checked.rejected(ACCOUNT_FROZEN);
        }
        Optional<TransferRejection> payeeRefusal = payeeRefusal(payee);
        if (payeeRefusal.isPresent()) {
            return Checked.rejected(payeeRefusal.get());
        }
        // the amount is in range (checked first), so amount + fee cannot overflow
        if (debit.withdrawable() < request.totalDebitAmount()) {
            return Checked.rejected(INSUFFICIENT_FUNDS);
        }
        Payee to = request.payee();
        String remitter = request.remitterName() != null ? request.remitterName() : debit.nameKana();
        long creditRef = payee.map(AccountState::ref)
                .orElseGet(() -> accounts.internalRef(InternalAccount.ZENGIN_CLEARING));
        String creditRemarks = payee.isPresent() ? "振込 " + remitter
                : "為替 %s-%s-%s-%s %s".formatted(to.bankCode(), to.branchCode(), to.accountTypeCode(),
                        to.accountNumber(), to.name());
        return new Checked(new Route(debit, payee, creditRef, "振込 " + to.name(), creditRemarks), null);
    }

    /** Where every transfer's fee goes (受入為替手数料). */
    long feeIncomeRef() {
        return accounts.internalRef(InternalAccount.REMITTANCE_FEE_INCOME);
    }

    /** The posting of a checked instruction: amount to the route's credit account, fee to the fee income. */
    TransferPosting posting(Route route, TransferRequest request) {
        return new TransferPosting(route.debit().ref(), route.debitRemarks(), route.creditRef(), route.creditRemarks(),
                request.amount(), feeIncomeRef(), request.fee());
    }

    private Optional<AccountState> payeeAccount(Payee payee) {
        return accounts.customerAccount(payee.branchCode(), payee.accountTypeCode(), payee.accountNumber());
    }
}
