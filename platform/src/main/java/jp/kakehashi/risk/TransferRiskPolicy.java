package jp.kakehashi.risk;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The fraud rules for transfers (C3): the bank acts on what the TPP tells it about the customer's session and on the
 * customer's own pattern. Signs of an account takeover at the TPP (repeated failed sign-ins there), a first large
 * transfer to a new payee, an unusual number of transfers in an hour and malformed risk headers send the transfer to
 * the customer's confirmation at the bank; the strongest signs decline it. Pure: the caller records the decision.
 */
@Component
@EnableConfigurationProperties(TransferRiskProperties.class)
public class TransferRiskPolicy {

    private final TransferRiskProperties rules;

    public TransferRiskPolicy(TransferRiskProperties rules) {
        this.rules = rules;
    }

    /** How many recent transfers the caller needs to count at most: beyond it no rule changes its verdict. */
    public int recentTransfersBound() {
        return Math.max(rules.perHourConfirm(), rules.perHourDecline());
    }

    public RiskDecision assess(TransferRiskFacts facts) {
        int failures = facts.signals() == null || facts.signals().authFailureCount() == null ? 0
                : facts.signals().authFailureCount();
        if (reached(failures, rules.authFailuresDecline())) {
            return new RiskDecision.Decline(RiskReason.TPP_REPORTED_AUTH_FAILURES);
        }
        if (reached(facts.recentTransfers(), rules.perHourDecline())) {
            return new RiskDecision.Decline(RiskReason.UNUSUAL_TRANSFER_FREQUENCY);
        }
        if (reached(failures, rules.authFailuresConfirm())) {
            return new RiskDecision.Confirm(RiskReason.TPP_REPORTED_AUTH_FAILURES);
        }
        if (reached(facts.recentTransfers(), rules.perHourConfirm())) {
            return new RiskDecision.Confirm(RiskReason.UNUSUAL_TRANSFER_FREQUENCY);
        }
        if (rules.newPayeeConfirmAbove() > 0 && facts.amount() > rules.newPayeeConfirmAbove()
                && !facts.ownAccount().getAsBoolean() && !facts.payeeKnown().getAsBoolean()) {
            return new RiskDecision.Confirm(RiskReason.NEW_PAYEE_LARGE_AMOUNT);
        }
        if (rules.invalidSignalsConfirm() && facts.signals() != null && !facts.signals().invalidHeaders().isEmpty()) {
            return new RiskDecision.Confirm(RiskReason.INVALID_RISK_SIGNALS);
        }
        return new RiskDecision.Allow();
    }

    private static boolean reached(long value, long threshold) {
        return threshold > 0 && value >= threshold;
    }
}
