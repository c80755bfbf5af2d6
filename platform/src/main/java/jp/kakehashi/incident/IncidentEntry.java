package jp.kakehashi.incident;

import java.time.Instant;

/** One line of an incident's timeline: what was done or learnt, by whom, when. */
public record IncidentEntry(Kind kind, String text, String writtenBy, Instant writtenAt) {

    /** What kind of line. */
    public enum Kind {
        REPORTED, NOTE, STATUS, TPP_CONTACTED, CUSTOMERS_WARNED
    }
}
