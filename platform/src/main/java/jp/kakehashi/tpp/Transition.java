package jp.kakehashi.tpp;

/** The outcome of asking a TPP to move in its lifecycle: it moved, or a closed reason why not. */
public sealed interface Transition {

    /** It moved. */
    record Moved(TppStatusChanged change) implements Transition {
    }

    /** It did not move; nothing changed. */
    record Refused(Refusal refusal) implements Transition {
    }

    /** Why a move was refused. */
    enum Refusal {
        /** No such TPP. */
        UNKNOWN_TPP,
        /** The TPP's status does not allow this move (e.g. resuming an active TPP). */
        NOT_ALLOWED_FROM_STATUS,
        /** No reason was given; the principles require one (A6). */
        REASON_MISSING,
        /** Maker and checker are the same person, or one is missing. */
        SAME_PERSON,
        /** Scopes named that the TPP was not approved for / did not request, or none at all. */
        SCOPES_INVALID
    }

    default boolean moved() {
        return this instanceof Moved;
    }
}
