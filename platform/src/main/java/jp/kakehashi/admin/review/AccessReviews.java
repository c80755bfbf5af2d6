package jp.kakehashi.admin.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kakehashi.admin.StaffMember;
import jp.kakehashi.admin.StaffRole;
import jp.kakehashi.audit.StaffAction;
import jp.kakehashi.audit.StaffActionQuery;
import jp.kakehashi.audit.StaffActions;
import jp.kakehashi.shared.BusinessClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reviews and sign-offs of the staff action log by calendar month in Japan time (C4). */
@Service
class AccessReviews {

    private final StaffActions log;
    private final JdbcClient jdbc;
    private final Clock clock;

    AccessReviews(StaffActions log, JdbcClient jdbc, Clock clock) {
        this.log = log;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The month before the current one: what a review normally covers. */
    YearMonth previousMonth() {
        return YearMonth.now(clock.withZone(BusinessClock.TOKYO)).minusMonths(1);
    }

    MonthReview review(YearMonth month) {
        List<StaffAction> entries = log.query(StaffActionQuery.period(start(month), start(month.plusMonths(1))));
        return new MonthReview(month, entries, counts(entries, StaffAction::staffId),
                counts(entries, StaffAction::action), StaffActions.fingerprint(entries), log.firstBrokenEntry(),
                !start(month.plusMonths(1)).isAfter(clock.instant()), signOff(month));
    }

    /**
     * Signs the month off if it has ended and its entries are still those the auditor saw (same fingerprint) in an
     * intact chain.
     */
    SignOff.Outcome signOff(StaffMember auditor, YearMonth month, String comment, String fingerprintSeen) {
        if (!auditor.has(StaffRole.AUDITOR)) {
            return new SignOff.Refused(SignOff.Refusal.NOT_AN_AUDITOR);
        }
        if (comment == null || comment.isBlank()) {
            return new SignOff.Refused(SignOff.Refusal.COMMENT_MISSING);
        }
        MonthReview now = review(month);
        if (!now.ended()) {
            return new SignOff.Refused(SignOff.Refusal.PERIOD_NOT_ENDED);
        }
        if (now.signOff().isPresent()) {
            return new SignOff.Refused(SignOff.Refusal.ALREADY_SIGNED);
        }
        if (!now.fingerprint().equals(fingerprintSeen) || now.brokenAt().isPresent()) {
            return new SignOff.Refused(SignOff.Refusal.LOG_CHANGED);
        }
        Instant at = clock.instant();
        try {
            jdbc.sql("""
                    insert into access_log_signoff (period_start, period_end, period_label, signed_by, signed_at,
                                                    comment, rows_reviewed, rows_sha256)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(Timestamp.from(start(month)), Timestamp.from(start(month.plusMonths(1))), month.toString(),
                            auditor.id(), Timestamp.from(at), comment.strip(), now.entries().size(), now.fingerprint())
                    .update();
        }
        catch (DuplicateKeyException signedMeanwhile) {
            return new SignOff.Refused(SignOff.Refusal.ALREADY_SIGNED);
        }
        log.record(auditor.id(), "access-review.signed-off", month.toString(), "success",
                Map.of("rows", now.entries().size(), "sha256", now.fingerprint()));
        return new SignOff.Signed(signOff(month).orElseThrow());
    }

    /** Ended months since the log's first entry that nobody signed off, oldest first. */
    List<YearMonth> overdue() {
        Optional<Instant> first = log.firstEntryAt();
        if (first.isEmpty()) {
            return List.of();
        }
        var signed = jdbc.sql("select period_label from access_log_signoff").query(String.class).set();
        List<YearMonth> overdue = new ArrayList<>();
        YearMonth current = YearMonth.now(clock.withZone(BusinessClock.TOKYO));
        for (YearMonth month = YearMonth.from(first.get().atZone(BusinessClock.TOKYO)); month.isBefore(current);
                month = month.plusMonths(1)) {
            if (!signed.contains(month.toString())) {
                overdue.add(month);
            }
        }
        return overdue;
    }

    private Optional<SignOff> signOff(YearMonth month) {
        return jdbc.sql("select * from access_log_signoff where period_label = ?").param(month.toString())
                .query((rs, row) -> new SignOff(month, rs.getString("signed_by"),
                        rs.getTimestamp("signed_at").toInstant(), rs.getString("comment"), rs.getInt("rows_reviewed"),
                        rs.getString("rows_sha256"))).optional();
    }

    static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(BusinessClock.TOKYO).toInstant();
    }

    private static Map<String, Long> counts(List<StaffAction> entries, Function<StaffAction, String> key) {
        return entries.stream().collect(Collectors.groupingBy(key, Collectors.counting())).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
