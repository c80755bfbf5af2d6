package jp.kakehashi.incident;

/**
 * An incident was reported (C6, E1). Notification tells the TPP (notice and security event) and, for kinds
 * {@link IncidentKind#sharedWithOtherBanks()}, the subscribed banks (F3).
 *
 * @param tppName the TPP's company name, so receivers need not look it up
 */
public record IncidentReported(Incident incident, String tppName) {
}
