package jp.kakehashi.incident;

/** An incident moved (contained, closed, reopened); the TPP is told. */
public record IncidentStatusChanged(Incident incident, IncidentStatus from, String note, String changedBy) {
}
