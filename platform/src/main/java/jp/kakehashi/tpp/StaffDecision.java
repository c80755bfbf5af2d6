package jp.kakehashi.tpp;

/**
 * A decision about a TPP that the bank's rules let no one take alone (A6, C4 maker-checker): a recorded reason, the
 * staff member who asked for it and a different one who approved it.
 *
 * @param reason      why, in words the TPP is told
 * @param requestedBy the staff id of the maker
 * @param approvedBy  the staff id of the checker
 */
public record StaffDecision(String reason, String requestedBy, String approvedBy) {

    boolean hasReason() {
        return reason != null && !reason.isBlank();
    }

    boolean byTwoPeople() {
        return requestedBy != null && approvedBy != null && !requestedBy.isBlank() && !approvedBy.isBlank()
                && !requestedBy.equals(approvedBy);
    }
}
