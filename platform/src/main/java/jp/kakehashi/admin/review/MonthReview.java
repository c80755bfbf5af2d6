package jp.kakehashi.admin.review;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.audit.StaffAction;

/**
 * One month of the staff action log as the auditor sees it.
 *
 * @param perStaff     entry counts by staff id, largest first
 * @param perAction    entry counts by action, largest first
 * @param fingerprint  SHA-256 over the entries' record hashes, in order
 * @param brokenAt     the first entry of the whole log whose hash chain does not hold, if any
 * @param ended        whether the month is over (only then can it be signed off)
 */
record MonthReview(YearMonth month, List<StaffAction> entries, Map<String, Long> perStaff,
        Map<String, Long> perAction, String fingerprint, Optional<Long> brokenAt, boolean ended,
        Optional<SignOff> signOff) {
}
