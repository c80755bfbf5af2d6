package jp.kakehashi.admin;

import java.time.Instant;
import java.util.List;

/**
 * Something an area puts on the console's dashboard: what is pending for, or due to, the signed-in staff member
 * (A5 due reviews, C4 overdue sign-offs, approvals waiting). Implement it as a bean.
 */
public interface ConsoleDashboardItem {

    /** The entries for this staff member; empty when nothing concerns them. Called on every dashboard view. */
    List<Entry> entriesFor(StaffMember staff);

    /**
     * One line of the dashboard.
     *
     * @param messageKey its text in the message bundles, with {@code {0}} for the count and {@code {1}} for the detail
     * @param count      how many
     * @param detail     a further word (a TPP's name, a period), or null
     * @param link       where to deal with it
     * @param due        when it falls due, or null
     * @param overdue    whether it is past due (shown first, marked)
     */
    record Entry(String messageKey, long count, String detail, String link, Instant due, boolean overdue) {
    }
}
