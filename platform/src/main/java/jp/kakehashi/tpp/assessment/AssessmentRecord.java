package jp.kakehashi.tpp.assessment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a signed assessment states (A4, A7): which bank assessed which TPP, how, when, and with what result.
 *
 * @param issuer             the issuing bank's identifier ({@code iss})
 * @param id                 the record's unique id ({@code jti}), may be null
 * @param issuedAt           when the bank signed it
 * @param kind               screening (審査) or monitoring (モニタリング)
 * @param assessedOn         the date of the assessment
 * @param outcome            its result
 * @param summary            the issuing bank's summary, may be empty
 * @param tppName            the TPP's name as the issuing bank knows it, may be null
 * @param registrationNumber the TPP's 電子決済等代行業 registration number, may be null
 * @param corporateNumber    the TPP's 法人番号, may be null (one of the two numbers is always there)
 */
public record AssessmentRecord(String issuer, String id, Instant issuedAt, Kind kind, LocalDate assessedOn,
        Outcome outcome, String summary, String tppName, String registrationNumber, String corporateNumber) {

    /** What was assessed. */
    public enum Kind {
        SCREENING, MONITORING
    }

    /** The issuing bank's conclusion. */
    public enum Outcome {
        PASSED, PASSED_WITH_CONDITIONS, FAILED
    }
}
