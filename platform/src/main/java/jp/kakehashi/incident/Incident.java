package jp.kakehashi.incident;

import java.time.Instant;

/**
 * An incident concerning one TPP (C6).
 *
 * @param reporter   who told whom: the bank's staff, or the TPP through the portal
 * @param reportedBy the staff id, or {@code tpp:<portal user>}
 * @param beganAt    when it began, as far as known: the customers whose grants were in force since are affected
 */
public record Incident(String id, String tppId, IncidentKind kind, Severity severity, IncidentStatus status,
        String title, String description, Reporter reporter, String reportedBy, Instant beganAt, Instant reportedAt) {

    /** Who reported an incident. */
    public enum Reporter {
        BANK, TPP
    }
}
