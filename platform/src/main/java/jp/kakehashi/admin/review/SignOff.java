package jp.kakehashi.admin.review;

import java.time.Instant;
import java.time.YearMonth;

/** An auditor's sign-off of one month of the staff action log (C4). */
record SignOff(YearMonth month, String signedBy, Instant signedAt, String comment, int rowsReviewed,
        String rowsSha256) {

    /** How signing off ended: signed, or a closed reason why not. */
    sealed interface Outcome {
    }

    record Signed(SignOff signOff) implements Outcome {
    }

    record Refused(Refusal refusal) implements Outcome {
    }

    enum Refusal {
        /** Only auditors sign off. */
        NOT_AN_AUDITOR,
        /** The month has not ended; entries may still come. */
        PERIOD_NOT_ENDED,
        /** A comment on what was found is required. */
        COMMENT_MISSING,
        /** Someone signed this month off already. */
        ALREADY_SIGNED,
        /** The entries changed since the page was shown (or the chain is broken): review again. */
        LOG_CHANGED
    }
}
