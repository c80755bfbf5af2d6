package jp.kakehashi.availability;

/** The outcome of announcing a stop: announced, or a closed reason why not (nothing is recorded then). */
public sealed interface Announcement {

    /** Announced and recorded; TPPs are told through {@link ServiceStopAnnounced}. */
    record Announced(ServiceStop stop) implements Announcement {
    }

    /** Refused; nothing changed. */
    record Refused(Refusal refusal) implements Announcement {
    }

    /** Why an announcement was refused. */
    enum Refusal {
        /** A planned stop starts sooner than the notice period allows (E6); an emergency stop may, with a reason. */
        NOTICE_TOO_SHORT,
        /** No reason given: every stop needs one, so TPPs and customers can be told why. */
        REASON_MISSING,
        /** The end is not after the start, or a time is missing. */
        PERIOD_INVALID,
        /** The stop would already be over. */
        ALREADY_OVER
    }
}
