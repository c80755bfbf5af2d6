package jp.kakehashi.banking.transfer;

import java.util.Map;
import java.util.Optional;
import jp.kakehashi.shared.TppId;
import jp.kakehashi.shared.Yen;

/**
 * Decides whether a transfer is within the bank's limits (B10). Pure: the caller gives the totals already
 * accepted today and this month, read under the customer's lock so that concurrent transfers are counted.
 */
public final class TransferLimitPolicy {

    private final TransferLimits defaults;
    private final Map<String, TransferLimits> bySegment;
    private final Map<String, TransferLimits> byTpp;

    private final TransferLimits singleFactorCap;

    public TransferLimitPolicy(TransferLimits defaults, Map<String, TransferLimits> bySegment,
            Map<String, TransferLimits> byTpp) {
        this(defaults, bySegment, byTpp, null);
    }

    /**
     * @param singleFactorCap the limits no transfer of a customer signed in with a password only may exceed, whatever
     *                        the levels below say; null for none
     */
    public TransferLimitPolicy(TransferLimits defaults, Map<String, TransferLimits> bySegment,
            Map<String, TransferLimits> byTpp, TransferLimits singleFactorCap) {
        this.singleFactorCap = singleFactorCap;
        this.defaults = (defaults == null ? new TransferLimits(null, null, null, null, null) : defaults)
                .over(TransferLimits.NONE);
        this.bySegment = Map.copyOf(bySegment);
        this.byTpp = Map.copyOf(byTpp);
    }

    /** Which limit a transfer would break. */
    public enum Limit {
        PER_TRANSFER, DAILY, MONTHLY
    }

    /**
     * The limits of a TPP's transfers for a customer of a segment, whose grant came from a sign-in with a second
     * factor or not.
     */
    public TransferLimits limitsFor(TppId tpp, String segment, boolean secondFactor) {
        TransferLimits limits = limitsFor(tpp, segment);
        return secondFactor || singleFactorCap == null ? limits : limits.atMost(singleFactorCap);
    }

    /** The limits of a TPP's transfers for a customer of a segment (INDIVIDUAL, CORPORATE); either may be null. */
    public TransferLimits limitsFor(TppId tpp, String segment) {
        TransferLimits limits = defaults;
        if (segment != null && bySegment.containsKey(segment)) {
            limits = bySegment.get(segment).over(limits);
        }
        if (tpp != null && byTpp.containsKey(tpp.value())) {
            limits = byTpp.get(tpp.value()).over(limits);
        }
        return limits;
    }

    /** The single amount alone, before any total is read. */
    public static Optional<Limit> checkAmount(TransferLimits limits, Yen amount) {
        return amount.amount() > limits.perTransfer() ? Optional.of(Limit.PER_TRANSFER) : Optional.empty();
    }

    /** The totals with this transfer added. */
    public static Optional<Limit> checkTotals(TransferLimits limits, Yen amount, Yen acceptedToday,
            Yen acceptedThisMonth) {
        if (acceptedToday.plus(amount).amount() > limits.daily()) {
            return Optional.of(Limit.DAILY);
        }
        if (acceptedThisMonth.plus(amount).amount() > limits.monthly()) {
            return Optional.of(Limit.MONTHLY);
        }
        return Optional.empty();
    }
}
