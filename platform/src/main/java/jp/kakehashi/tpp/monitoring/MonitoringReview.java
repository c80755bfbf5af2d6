package jp.kakehashi.tpp.monitoring;

import java.time.Instant;
import java.time.LocalDate;

/** A review of a TPP, periodic or as needed (A5), with who made it, what was found and the conclusion. */
public record MonitoringReview(long id, String tppId, LocalDate reviewedOn, String reviewer, String findings,
        Outcome outcome, Instant recordedAt) {

    public enum Outcome {
        /** Nothing to improve. */
        SATISFACTORY,
        /** Findings lead to improvement requests (A6). */
        IMPROVEMENT_REQUESTED,
        /** Findings serious enough for restriction, suspension or revocation to be considered (A6). */
        ESCALATED
    }
}
