package jp.kakehashi.incident;

import java.time.Instant;

/**
 * An incident as staff or a TPP report it.
 *
 * @param beganAt when it began, or null for "now"
 */
public record IncidentReport(String tppId, IncidentKind kind, Severity severity, String title, String description,
        Instant beganAt, Incident.Reporter reporter, String reportedBy) {
}
