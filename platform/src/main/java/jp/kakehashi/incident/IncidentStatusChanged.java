package jp.kakehashi.incident;

/**
 * An incident moved (contained, closed, reopened); the TPP is told, and a TPP's own report that staff contained goes
 * to the subscribed banks (F3).
 *
 * @param tppName the TPP's company name, so receivers need not look it up
 */
public record IncidentStatusChanged(Incident incident, IncidentStatus from, String note, String changedBy,
        String tppName) {
}
