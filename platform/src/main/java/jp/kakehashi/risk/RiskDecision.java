package jp.kakehashi.risk;

/**
 * The fraud rules' verdict on a transfer request (C3), with the rule that decided ({@link RiskReason}). The reason is
 * for the bank's audit log and staff; a TPP is never told which rule declined a transfer.
 */
public sealed interface RiskDecision {

    /** No rule objects. */
    record Allow() implements RiskDecision {
    }

    /** Run it only once the customer confirmed it at the bank (帯域外認証). */
    record Confirm(RiskReason reason) implements RiskDecision {
    }

    /** Do not accept it. */
    record Decline(RiskReason reason) implements RiskDecision {
    }
}
