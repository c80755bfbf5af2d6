package jp.kakehashi.tpp.monitoring;

import java.time.LocalDate;

/**
 * Funds or insurance a TPP relies on to compensate customers (補償能力, E5), as the bank's staff checked it.
 *
 * @param insurer      the insurer, for insurance
 * @param policyNumber the policy, for insurance
 * @param amountYen    the amount covered, in yen
 * @param validUntil   the last day it covers
 * @param checkedBy    the staff member who checked the evidence
 * @param checkedOn    when they checked it
 */
public record CompensationCapacity(long id, String tppId, Kind kind, String insurer, String policyNumber,
        long amountYen, LocalDate validUntil, String checkedBy, LocalDate checkedOn, String note) {

    public enum Kind {
        /** Own funds set aside (自己資金). */
        FUNDS,
        /** Liability insurance (賠償責任保険). */
        INSURANCE
    }
}
