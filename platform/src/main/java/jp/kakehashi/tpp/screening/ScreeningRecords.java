package jp.kakehashi.tpp.screening;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The store of each application's screening: answers, findings, references and recommendations. */
@Repository
class ScreeningRecords {

    private final JdbcClient jdbc;

    ScreeningRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void storeAnswer(String tppId, Answer answer) {
        jdbc.sql("insert into screening_answer (tpp_id, item_id, answer, evidence) values (?, ?, ?, ?)")
                .params(tppId, answer.itemId(), answer.answer(), answer.evidence()).update();
    }

    List<Answer> answers(String tppId) {
        return jdbc.sql("select * from screening_answer where tpp_id = ? order by item_id").param(tppId)
                .query((rs, row) -> new Answer(rs.getLong("item_id"), rs.getString("answer"),
                        rs.getString("evidence"))).list();
    }

    void storeFinding(String tppId, Finding finding) {
        jdbc.sql("""
                insert into screening_finding (tpp_id, item_id, assessment, note, reviewer, recorded_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (tpp_id, item_id) do update set assessment = excluded.assessment, note = excluded.note,
                    reviewer = excluded.reviewer, recorded_at = excluded.recorded_at
                """).params(tppId, finding.itemId(), finding.assessment().name(), finding.note(), finding.reviewer(),
                Timestamp.from(finding.recordedAt())).update();
    }

    List<Finding> findings(String tppId) {
        return jdbc.sql("select * from screening_finding where tpp_id = ? order by item_id").param(tppId)
                .query((rs, row) -> new Finding(rs.getLong("item_id"), Assessment.valueOf(rs.getString("assessment")),
                        rs.getString("note"), rs.getString("reviewer"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    void storeReference(String tppId, Reference reference) {
        jdbc.sql("""
                insert into screening_reference (tpp_id, kind, name, issuer, number, valid_until, recorded_by,
                                                 recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(tppId, reference.kind().name(), reference.name(), reference.issuer(), reference.number(),
                reference.validUntil() == null ? null : Date.valueOf(reference.validUntil()), reference.recordedBy(),
                Timestamp.from(reference.recordedAt())).update();
    }

    List<Reference> references(String tppId) {
        return jdbc.sql("select * from screening_reference where tpp_id = ? order by id").param(tppId)
                .query(ScreeningRecords::reference).list();
    }

    void storeRecommendation(Recommendation r) {
        jdbc.sql("""
                insert into screening_recommendation (tpp_id, outcome, scopes, summary, reviewer, recommended_at)
                values (?, ?, ?, ?, ?, ?)
                """).params(r.tppId(), r.outcome().name(), r.scopes().stream().sorted().toArray(String[]::new),
                r.summary(), r.reviewer(), Timestamp.from(r.recommendedAt())).update();
    }

    Optional<Recommendation> lockPending(String tppId) {
        return jdbc.sql("select * from screening_recommendation where tpp_id = ? and state = 'PENDING' for update")
                .param(tppId).query(ScreeningRecords::recommendation).optional();
    }

    void close(long recommendationId, Recommendation.State state, String approver, String note, Instant now) {
        jdbc.sql("""
                update screening_recommendation set state = ?, decided_by = ?, decided_at = ?, return_note = ?
                where id = ?
                """).params(state.name(), approver, Timestamp.from(now), note, recommendationId).update();
    }

    /** Newest first. */
    List<Recommendation> recommendations(String tppId) {
        return jdbc.sql("select * from screening_recommendation where tpp_id = ? order by id desc").param(tppId)
                .query(ScreeningRecords::recommendation).list();
    }

    /** TPP ids with a recommendation waiting for an approver. */
    List<String> awaitingDecision() {
        return jdbc.sql("select tpp_id from screening_recommendation where state = 'PENDING' order by recommended_at")
                .query(String.class).list();
    }

    private static Reference reference(ResultSet rs, int row) throws SQLException {
        Date validUntil = rs.getDate("valid_until");
        return new Reference(rs.getLong("id"), Reference.Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("issuer"), rs.getString("number"), validUntil == null ? null : validUntil.toLocalDate(),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }

    private static Recommendation recommendation(ResultSet rs, int row) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new Recommendation(rs.getLong("id"), rs.getString("tpp_id"),
                Recommendation.Outcome.valueOf(rs.getString("outcome")),
                Set.copyOf(Arrays.asList((String[]) rs.getArray("scopes").getArray())), rs.getString("summary"),
                rs.getString("reviewer"), rs.getTimestamp("recommended_at").toInstant(),
                Recommendation.State.valueOf(rs.getString("state")), rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant(), rs.getString("return_note"));
    }
}
