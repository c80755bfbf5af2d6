package jp.kakehashi.tpp.assessment;

import java.time.Instant;

/**
 * An assessment as the bank keeps it: imported from another bank or exported by this one, with the signed record.
 *
 * @param bankName   the origin: the trusted bank's name, or this bank's
 * @param keyId      the key that verified (imported) or signed (exported) it
 * @param jws        the signed record as received or issued
 * @param recordedBy the staff member who imported or exported it
 */
public record StoredAssessment(long id, String tppId, Direction direction, String bankName, String keyId,
        AssessmentRecord record, String jws, String recordedBy, Instant recordedAt) {

    public enum Direction {
        IMPORTED, EXPORTED
    }
}
