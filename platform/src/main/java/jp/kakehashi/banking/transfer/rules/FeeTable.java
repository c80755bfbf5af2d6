package jp.kakehashi.banking.transfer.rules;

import java.util.Objects;

/**
 * The customer's transfer fee (振込手数料) in whole yen by route and amount band: banks price transfers
 * below and from a threshold (traditionally 30,000 yen) separately. Each bank chooses its own fees (the interbank
 * charge is 62 yen since 2021-10-01, the customer fee is not regulated), so the table is configuration.
 *
 * @param threshold the first amount of the upper band, in yen
 */
public record FeeTable(long threshold, Fees sameBranch, Fees sameBank, Fees otherBank) {

    /** The fee below the threshold and from it, in yen. */
    public record Fees(long below, long atOrAbove) {
        public Fees {
            if (below < 0 || atOrAbove < 0) {
                throw new IllegalArgumentException("fees must not be negative: " + below + ", " + atOrAbove);
            }
        }
    }

    public FeeTable {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be positive: " + threshold);
        }
        Objects.requireNonNull(sameBranch, "sameBranch");
        Objects.requireNonNull(sameBank, "sameBank");
        Objects.requireNonNull(otherBank, "otherBank");
    }

    /** The demo bank's fees: free within the branch, 110 yen to other branches, 220 / 330 yen to other banks. */
    public static FeeTable demo() {
        return new FeeTable(30_000, new Fees(0, 0), new Fees(110, 110), new Fees(220, 330));
    }

    /** The fee in yen for one transfer of {@code amount} yen (at least 1) on a route. */
    public long feeFor(TransferRoute route, long amount) {
        if (amount < 1) {
            throw new IllegalArgumentException("amount must be at least 1 yen: " + amount);
        }
        Fees fees = switch (route) {
            case SAME_BRANCH -> sameBranch;
            case SAME_BANK -> sameBank;
            case OTHER_BANK -> otherBank;
        };
        return amount < threshold ? fees.below() : fees.atOrAbove();
    }
}
