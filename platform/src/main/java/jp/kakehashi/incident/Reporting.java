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
        BEGINS_IN_FUTURE
    }
}
