package jp.kakehashi.admin;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of action that needs a second person (C4, A6 maker-checker). Areas register their own kinds as beans (TPP
 * lifecycle moves, exports, emergency stops…); {@link StaffRequests} files a request of the kind and, when an approver
 * other than the requester approves it, calls {@link #execute} exactly once, in the approval's transaction.
 */
public interface ApprovedAction {

    /** A unique, stable name, e.g. {@code tpp.suspend}; also the prefix of its staff action log entries. */
    String kind();

    /** Who may request it. Approving always needs {@link StaffRole#APPROVER}. */
    Set<StaffRole> requesterRoles();

    /** Refuses a request that could never be executed; the message key of the problem, or empty. */
    default Optional<String> check(String target, Map<String, String> payload) {
        return Optional.empty();
    }

    /**
     * The payload stored with a request that passed {@link #check}: the requester's parameters plus whatever the kind
     * must find unchanged when it executes (e.g. the state the request was filed against), so that an approval given
     * later cannot act on a situation the requester never saw.
     */
    default Map<String, String> filed(String target, Map<String, String> payload) {
        return payload;
    }

    /** What the request would do, in the approver's language, for the approvals list. */
    String describe(StaffRequest request, Locale locale);

    /**
     * Does it. A {@link Refused} result rolls the approval back (the request stays pending, the approver sees the
     * reason); a thrown exception too.
     */
    Result execute(StaffRequest request, StaffMember approver);

    /**
     * The request ended without execution: {@link StaffRequest.Status#REJECTED} by an approver (its
     * {@link StaffRequest#decisionNote()} says why) or {@link StaffRequest.Status#WITHDRAWN} by its requester. Called
     * once, in the decision's transaction, so that an area's own record of the request closes with it; a thrown
     * exception rolls the decision back (the request stays pending). Does nothing unless the kind keeps such a record.
     *
     * @param request the request as decided
     * @param by      the approver who rejected it, or the requester who withdrew it
     */
    default void onClosed(StaffRequest request, StaffRequest.Status how, StaffMember by) {
    }

    /** How an execution ended. */
    sealed interface Result {
    }

    /** Done; the outcome is stored with the request (e.g. {@code SUSPENDED}, an export's row count). */
    record Done(String outcome) implements Result {
    }

    /**
     * Not done, for a closed reason of the area that refused (e.g. a TPP lifecycle refusal); the approver is shown the
     * message {@link #messageKey()}.
     *
     * @param messagePrefix where the area keeps its messages, e.g. {@code console.tpp.refusal.}
     * @param reason        the area's own reason, a constant of its closed list
     */
    record Refused(String messagePrefix, Enum<?> reason) implements Result {

        /** The message the approver is shown: the prefix and the reason's name. */
        public String messageKey() {
            return messagePrefix + reason.name();
        }
    }
}
