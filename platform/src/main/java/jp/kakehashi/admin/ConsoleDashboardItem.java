package jp.kakehashi.admin;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

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

        /** A count of things waiting at {@code link}, with no detail and no due date. */
        public static Entry waiting(String messageKey, long count, String link) {
            return new Entry(messageKey, count, null, link, null, false);
        }
    }

    /** The entries that count something: a line saying nothing is waiting is left off the dashboard. */
    static List<Entry> nonZero(Entry... entries) {
        return Stream.of(entries).filter(entry -> entry.count() > 0).toList();
    }
}
