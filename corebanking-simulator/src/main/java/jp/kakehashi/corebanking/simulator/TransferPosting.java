package jp.kakehashi.corebanking.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The one balanced posting of a transfer (振込), one-step or posted from a hold: the debit account pays
 * amount + fee, the credit account (the payee's, or Zengin clearing) receives the amount, the bank's remittance fee
 * income ({@link InternalAccount#REMITTANCE_FEE_INCOME}) the fee.
 *
 * <p>The fee is a leg of its own on the debit account, right after the amount's, so the customer's history shows
 * it as its own line ({@value #FEE_REMARKS}) under the transfer's transaction number, as Japanese banks show it. A
 * free transfer has no fee legs: a leg always moves money.
 *
 * @param feeIncomeRef the fee income account's row; unused when the fee is 0
 */
record TransferPosting(long debitRef, String debitRemarks, long creditRef, String creditRemarks, long amount,
        long feeIncomeRef, long fee) {

    static final String KIND = "TRANSFER";

    /** 摘要 of the fee line, as banks print it in passbooks and statements. */
    static final String FEE_REMARKS = "振込手数料";

    TransferPosting {
        if (amount <= 0 || fee < 0) {
            throw new IllegalArgumentException("a transfer moves a positive amount and no negative fee: " + amount
                    + ", " + fee);
        }
    }

    /** What leaves the debit account: the amount and the fee. */
    long total() {
        return amount + fee;
    }

    Ledger.Posting posting(LocalDate date, Instant postedAt) {
        List<Ledger.Leg> legs = new ArrayList<>();
        legs.add(new Ledger.Leg(debitRef, -amount, debitRemarks));
        if (fee > 0) {
            legs.add(new Ledger.Leg(debitRef, -fee, FEE_REMARKS));
        }
        legs.add(new Ledger.Leg(creditRef, amount, creditRemarks));
        if (fee > 0) {
            legs.add(new Ledger.Leg(feeIncomeRef, fee, FEE_REMARKS));
        }
        return new Ledger.Posting(KIND, date, postedAt, legs);
    }

    /**
     * The debit account's balance once the whole posting is in: after its last leg, the fee's when there is one.
     *
     * @param balancesAfter as {@link Ledger#addLegs} returns them for {@link #posting}, in leg order
     */
    long debitBalanceAfter(List<Long> balancesAfter) {
        return balancesAfter.get(fee > 0 ? 1 : 0);
    }
}
