package jp.kakehashi.tpp.monitoring;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kakehashi.shared.BusinessClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monitoring of TPPs (A5, A6): the agreements, the reviews and the improvement requests, and what is due or overdue.
 */
@Repository
public class TppMonitoring {

    /** A TPP whose periodic review is due soon or overdue. */
    public record DueReview(String tppId, LocalDate due, MonitoringSchedule.State state) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TppMonitoring(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** The business date in Tokyo, against which due dates are judged. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessClock.TOKYO));
    }

    /** Records (or replaces) what the bank agreed with a TPP about its monitoring. */
    @Transactional
    public MonitoringAgreement agree(MonitoringAgreement terms) {
        if (terms.frequencyMonths() < 1 || terms.frequencyMonths() > 36) {
            throw new IllegalArgumentException("a review frequency is 1 to 36 months");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                insert into tpp_monitoring_agreement (tpp_id, method, depth, frequency_months, on_site_inspection,
                    major_change_handling, information_to_submit, starts_on, agreed_by, agreed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tpp_id) do update set method = excluded.method, depth = excluded.depth,
                    frequency_months = excluded.frequency_months, on_site_inspection = excluded.on_site_inspection,
                    major_change_handling = excluded.major_change_handling,
                    information_to_submit = excluded.information_to_submit, starts_on = excluded.starts_on,
                    agreed_by = excluded.agreed_by, agreed_at = excluded.agreed_at
                """).params(terms.tppId(), terms.method(), terms.depth().name(), terms.frequencyMonths(),
                terms.onSiteInspection(), terms.majorChangeHandling(), terms.informationToSubmit(),
                Date.valueOf(terms.startsOn()), terms.agreedBy(), Timestamp.from(now)).update();
        return agreement(terms.tppId()).orElseThrow();
    }

    public Optional<MonitoringAgreement> agreement(String tppId) {
        return jdbc.sql("select * from tpp_monitoring_agreement where tpp_id = ?").param(tppId)
                .query(TppMonitoring::agreement).optional();
    }

    /** Records a review; its findings' improvement requests follow with {@link #requestImprovement}. */
    @Transactional
    public MonitoringReview recordReview(String tppId, LocalDate reviewedOn, String reviewer, String findings,
            MonitoringReview.Outcome outcome) {
        long id = jdbc.sql("""
                insert into tpp_monitoring_review (tpp_id, reviewed_on, reviewer, findings, outcome, recorded_at)
                values (?, ?, ?, ?, ?, ?) returning id
                """).params(tppId, Date.valueOf(reviewedOn), reviewer, findings.strip(), outcome.name(),
                Timestamp.from(clock.instant())).query(Long.class).single();
        return reviews(tppId).stream().filter(review -> review.id() == id).findFirst().orElseThrow();
    }

    /** A TPP's reviews, newest first. */
    public List<MonitoringReview> reviews(String tppId) {
        return jdbc.sql("select * from tpp_monitoring_review where tpp_id = ? order by reviewed_on desc, id desc")
                .param(tppId).query(TppMonitoring::review).list();
    }

    /** When the TPP's next review is due, if monitoring was agreed. */
    public Optional<LocalDate> nextReviewDue(String tppId) {
        return agreement(tppId).map(agreement -> MonitoringSchedule.nextReviewDue(agreement,
                reviews(tppId).stream().map(MonitoringReview::reviewedOn).findFirst()));
    }

    /** Every TPP whose review is due within {@link MonitoringSchedule#DUE_SOON_DAYS} days or overdue, most urgent first. */
    public List<DueReview> dueReviews(LocalDate today) {
        return jdbc.sql("""
                select a.*, (select max(r.reviewed_on) from tpp_monitoring_review r where r.tpp_id = a.tpp_id) as last
                from tpp_monitoring_agreement a order by a.tpp_id
                """).query((rs, row) -> {
                    MonitoringAgreement agreement = agreement(rs, row);
                    Date last = rs.getDate("last");
                    LocalDate due = MonitoringSchedule.nextReviewDue(agreement,
                            Optional.ofNullable(last).map(Date::toLocalDate));
                    return new DueReview(agreement.tppId(), due, MonitoringSchedule.stateOn(due, today));
                }).list().stream().filter(due -> due.state() != MonitoringSchedule.State.NOT_DUE)
                .sorted(java.util.Comparator.comparing(DueReview::due)).toList();
    }

    /** Records a request and publishes {@link ImprovementRequested}, so the TPP is told (A6). */
    @Transactional
    public ImprovementRequest requestImprovement(String tppId, Long reviewId, String finding, LocalDate dueOn,
            String staff) {
        long id = jdbc.sql("""
                insert into tpp_improvement_request (tpp_id, review_id, finding, due_on, status, requested_by,
                    requested_at) values (?, ?, ?, ?, 'OPEN', ?, ?) returning id
                """).params(tppId, reviewId, finding.strip(), Date.valueOf(dueOn), staff,
                Timestamp.from(clock.instant())).query(Long.class).single();
        ImprovementRequest request = request(id).orElseThrow();
        events.publishEvent(new ImprovementRequested(request));
        return request;
    }

    /** The TPP's answer to an open request; false if it is not open. */
    @Transactional
    public boolean answer(long requestId, String answer) {
        return jdbc.sql("""
                update tpp_improvement_request set status = 'ANSWERED', answer = ?, answered_at = ?
                where id = ? and status = 'OPEN'
                """).params(answer.strip(), Timestamp.from(clock.instant()), requestId).update() == 1;
    }

    /** The bank accepts the answer and closes the request; false if it was not answered. */
    @Transactional
    public boolean close(long requestId, String staff) {
        return jdbc.sql("""
                update tpp_improvement_request set status = 'CLOSED', closed_by = ?, closed_at = ?
                where id = ? and status = 'ANSWERED'
                """).params(staff, Timestamp.from(clock.instant()), requestId).update() == 1;
    }

    public Optional<ImprovementRequest> request(long id) {
        return jdbc.sql("select * from tpp_improvement_request where id = ?").param(id)
                .query(TppMonitoring::request).optional();
    }

    /** A TPP's requests, not closed first, then by deadline. */
    public List<ImprovementRequest> requests(String tppId) {
        return jdbc.sql("""
                select * from tpp_improvement_request where tpp_id = ?
                order by status = 'CLOSED', due_on, id""").param(tppId).query(TppMonitoring::request).list();
    }

    /** Every open request past its deadline, oldest deadline first. */
    public List<ImprovementRequest> overdueRequests(LocalDate today) {
        return jdbc.sql("""
                select * from tpp_improvement_request where status = 'OPEN' and due_on < ? order by due_on, id""")
                .param(Date.valueOf(today)).query(TppMonitoring::request).list();
    }

    private static MonitoringAgreement agreement(ResultSet rs, int row) throws SQLException {
        return new MonitoringAgreement(rs.getString("tpp_id"), rs.getString("method"),
                MonitoringAgreement.Depth.valueOf(rs.getString("depth")), rs.getInt("frequency_months"),
                rs.getString("on_site_inspection"), rs.getString("major_change_handling"),
                rs.getString("information_to_submit"), rs.getDate("starts_on").toLocalDate(),
                rs.getString("agreed_by"), rs.getTimestamp("agreed_at").toInstant());
    }

    private static MonitoringReview review(ResultSet rs, int row) throws SQLException {
        return new MonitoringReview(rs.getLong("id"), rs.getString("tpp_id"), rs.getDate("reviewed_on").toLocalDate(),
                rs.getString("reviewer"), rs.getString("findings"),
                MonitoringReview.Outcome.valueOf(rs.getString("outcome")), rs.getTimestamp("recorded_at").toInstant());
    }

    private static ImprovementRequest request(ResultSet rs, int row) throws SQLException {
        long review = rs.getLong("review_id");
        Long reviewId = rs.wasNull() ? null : review;
        return new ImprovementRequest(rs.getLong("id"), rs.getString("tpp_id"), reviewId, rs.getString("finding"),
                rs.getDate("due_on").toLocalDate(), ImprovementRequest.Status.valueOf(rs.getString("status")),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getString("answer"),
                instant(rs.getTimestamp("answered_at")), rs.getString("closed_by"),
                instant(rs.getTimestamp("closed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
