package jp.kakehashi.incident;

/** The outcome of reporting an incident: recorded, or a closed reason why not (nothing recorded). */
public sealed interface Reporting {

    record Recorded(Incident incident) implements Reporting {
    }

    record Refused(Refusal refusal) implements Reporting {
    }

    /** Why a report was refused. */
    enum Refusal {
        /** No such TPP. */
        UNKNOWN_TPP,
        /** Title, description, kind or severity missing. */
        INCOMPLETE,
        /** It would have begun in the future. */
        BEGINS_IN_FUTURE,
        /** It would have begun longer ago than {@code kakehashi.incidents.max-look-back} (400 days). */
        BEGINS_TOO_LONG_AGO,
        /**
         * A TPP reported through the portal before the bank approved it (or after it was revoked or rejected): an
         * unscreened applicant must not make the bank warn its TPPs and other banks.
         */
        NOT_CONNECTED
    }
}
