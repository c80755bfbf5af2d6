package jp.kakehashi.tpp.assessment;

/** The result of verifying a signed assessment record (A4, A7). */
public sealed interface AssessmentVerification {

    /**
     * The signature verified with a key of a trusted bank.
     *
     * @param bankName the trusted bank's configured name
     * @param keyId    the id of the key that verified it, may be null
     */
    record Verified(AssessmentRecord record, String bankName, String keyId) implements AssessmentVerification {
    }

    record Refused(AssessmentRefusal reason) implements AssessmentVerification {
    }
}
