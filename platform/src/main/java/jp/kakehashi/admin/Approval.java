package jp.kakehashi.admin;

/** The outcome of approving, rejecting or withdrawing a staff request: decided, or a closed reason why not. */
public sealed interface Approval {

    record Decided(StaffRequest request) implements Approval {
    }

    /**
     * @param detail for {@link Refusal#ACTION_REFUSED}, the action's reason; else null
     */
    record Refused(Refusal refusal, String detail) implements Approval {
    }

    enum Refusal {
        /** No such request. */
        UNKNOWN_REQUEST,
        /** Only staff with the APPROVER role decide requests. */
        NOT_AN_APPROVER,
        /** Nobody approves or rejects their own request (they may withdraw it). */
        OWN_REQUEST,
        /** Only the requester withdraws a request. */
        NOT_THE_REQUESTER,
        /** Someone decided it already (or it was withdrawn). */
        ALREADY_DECIDED,
        /** The action refused to run now (e.g. the TPP is no longer in a status that allows it); still pending. */
        ACTION_REFUSED,
        /** A note is needed to reject. */
        NOTE_MISSING
    }

    default boolean decided() {
        return this instanceof Decided;
    }
}
