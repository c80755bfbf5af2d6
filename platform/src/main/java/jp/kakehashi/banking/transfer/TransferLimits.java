package jp.kakehashi.banking.transfer;

import jp.kakehashi.shared.Yen;

/**
 * The bank's payment policy for one level of configuration (B10): the largest single transfer, the daily
 * and monthly totals per customer (over accepted transfers, all TPPs together) in yen, whether payees are
 * restricted to the customer's own accounts at this bank, and the amount above which the customer must confirm the
 * transfer at the bank (帯域外認証) before it runs. A null field inherits from the level below (TPP over customer
 * segment over the bank's defaults).
 */
public record TransferLimits(Long perTransfer, Long daily, Long monthly, Boolean ownAccountsOnly, Long confirmAbove) {

    /** No limit at all: the bottom of the inheritance. */
    static final TransferLimits NONE = new TransferLimits(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, false,
            Long.MAX_VALUE);

    /** This level's values where set, {@code base}'s elsewhere. */
    TransferLimits over(TransferLimits base) {
        return new TransferLimits(perTransfer != null ? perTransfer : base.perTransfer,
                daily != null ? daily : base.daily, monthly != null ? monthly : base.monthly,
                ownAccountsOnly != null ? ownAccountsOnly : base.ownAccountsOnly,
                confirmAbove != null ? confirmAbove : base.confirmAbove);
    }

    /**
     * These limits, lowered to {@code cap} where the cap is lower (a null field of the cap lowers nothing): for
     * transfers of a customer who signed in with a password only (B10 "lower for simply-authenticated transfers").
     */
    TransferLimits atMost(TransferLimits cap) {
        return new TransferLimits(min(perTransfer, cap.perTransfer), min(daily, cap.daily), min(monthly, cap.monthly),
                ownAccountsOnly || Boolean.TRUE.equals(cap.ownAccountsOnly), min(confirmAbove, cap.confirmAbove));
    }

    private static Long min(Long value, Long cap) {
        return cap == null ? value : Long.valueOf(Math.min(value, cap));
    }

    /** Whether the customer must confirm a transfer of {@code amount} at the bank first. */
    boolean needsConfirmation(Yen amount) {
        return amount.amount() > confirmAbove;
    }
}
