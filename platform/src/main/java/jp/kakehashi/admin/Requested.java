package jp.kakehashi.admin;

/** The outcome of filing a staff request: filed and pending, or a closed reason why not. */
public sealed interface Requested {

    record Filed(StaffRequest request) implements Requested {
    }

    /**
     * @param detail for {@link Refusal#INVALID}, the action's message key; else null
     */
    record Refused(Refusal refusal, String detail) implements Requested {
    }

    enum Refusal {
        /** No {@link ApprovedAction} of this kind is registered. */
        UNKNOWN_KIND,
        /** A reason is mandatory (A6). */
        REASON_MISSING,
        /** The requester's roles do not allow requesting this kind. */
        NOT_PERMITTED,
        /** The action says it could never be executed as asked. */
        INVALID,
        /** The same kind is already pending for this target. */
        ALREADY_PENDING
    }
}
