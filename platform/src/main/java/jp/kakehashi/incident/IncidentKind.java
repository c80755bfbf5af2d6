package jp.kakehashi.incident;

/** What happened. */
public enum IncidentKind {
    /** Someone used the API without being allowed to (不正アクセス, E1). */
    UNAUTHORISED_ACCESS,
    /** Customer data left where it must not (情報漏えい). */
    DATA_LEAK,
    /** A TPP's or the bank's service failed in a way that may affect the other (E6). */
    OUTAGE,
    /** Anything else bank and TPP must share (C6). */
    OTHER;

    /** Whether other banks should hear of it (F3): what could be tried against them too. */
    public boolean sharedWithOtherBanks() {
        return this == UNAUTHORISED_ACCESS || this == DATA_LEAK;
    }
}
