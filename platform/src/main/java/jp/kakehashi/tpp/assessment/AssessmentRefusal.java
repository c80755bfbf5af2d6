package jp.kakehashi.tpp.assessment;

/** Why an assessment record is not accepted (A4): each shown to staff with its own message. */
public enum AssessmentRefusal {
    /** Not a compact JWS with JSON claims. */
    MALFORMED,
    /** Signed with an algorithm other than ES256 or PS256 (or not signed). */
    ALGORITHM_NOT_ALLOWED,
    /** Its issuer is none of the banks configured as trusted. */
    UNKNOWN_ISSUER,
    /** No key of the issuing bank verifies the signature: the record was changed, or signed by someone else. */
    BAD_SIGNATURE,
    /** A claim the scheme requires is missing or has a value it does not know. */
    MISSING_CLAIM,
    /** The record does not name the TPP it is imported for by that TPP's registration number. */
    OTHER_TPP,
    /** The same record (issuer and id) was imported before. */
    ALREADY_IMPORTED
}
