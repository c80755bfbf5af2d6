package jp.kakehashi.risk;

import java.util.function.BooleanSupplier;

/**
 * What the bank knows about a transfer request when it judges its risk (C3): the TPP's signals about the customer's
 * session and the facts the payment module read from its own records.
 *
 * @param signals              the TPP's risk headers of the request, or null when the request had none at all
 * @param amount               the amount in yen
 * @param payeeKnown           whether the customer has paid this payee before (a completed transfer); asked only
 *                             when a rule needs it, since it costs a lookup
 * @param ownAccount           whether the payee is one of the customer's own accounts at this bank; asked likewise
 * @param recentTransfers      the customer's transfers through this client in the last hour, counted up to a bound
 */
public record TransferRiskFacts(RiskSignals signals, long amount, BooleanSupplier payeeKnown, BooleanSupplier ownAccount,
        int recentTransfers) {
}
