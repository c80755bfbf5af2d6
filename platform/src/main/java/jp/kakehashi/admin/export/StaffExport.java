package jp.kakehashi.admin.export;

import java.time.Instant;

/** A made export file's facts (not its content): who asked, who approved, how many rows, its SHA-256, its window. */
public record StaffExport(String id, String requestId, String kind, String subject, String requestedBy, String approvedBy,
        Instant createdAt, Instant availableUntil, int rowCount, String sha256, Instant downloadedAt) {

    public boolean downloadableAt(Instant now) {
        return downloadedAt == null && now.isBefore(availableUntil);
    }
}
