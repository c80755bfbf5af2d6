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

    public static final String AUTH_FAILURES = "TPP_REPORTED_AUTH_FAILURES";
    public static final String NEW_PAYEE = "NEW_PAYEE_LARGE_AMOUNT";
    public static final String VELOCITY = "UNUSUAL_TRANSFER_FREQUENCY";
    public static final String INVALID_SIGNALS = "INVALID_RISK_SIGNALS";

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
            return new RiskDecision.Decline(AUTH_FAILURES);
        }
        if (reached(facts.recentTransfers(), rules.perHourDecline())) {
            return new RiskDecision.Decline(VELOCITY);
        }
        if (reached(failures, rules.authFailuresConfirm())) {
            return new RiskDecision.Confirm(AUTH_FAILURES);
        }
        if (reached(facts.recentTransfers(), rules.perHourConfirm())) {
            return new RiskDecision.Confirm(VELOCITY);
        }
        if (rules.newPayeeConfirmAbove() > 0 && facts.amount() > rules.newPayeeConfirmAbove()
                && !facts.ownAccount().getAsBoolean() && !facts.payeeKnown().getAsBoolean()) {
            return new RiskDecision.Confirm(NEW_PAYEE);
        }
        if (rules.invalidSignalsConfirm() && facts.signals() != null && !facts.signals().invalidHeaders().isEmpty()) {
            return new RiskDecision.Confirm(INVALID_SIGNALS);
        }
        return new RiskDecision.Allow();
    }

    private static boolean reached(long value, long threshold) {
        return threshold > 0 && value >= threshold;
    }
}
