package jp.kakehashi.tpp.monitoring;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The compensation capacity of TPPs as staff checked it (E5); records are kept, a newer check is a new record. */
@Repository
public class CompensationCapacities {

    private final JdbcClient jdbc;

    CompensationCapacities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public CompensationCapacity record(String tppId, CompensationCapacity.Kind kind, String insurer,
            String policyNumber, long amountYen, java.time.LocalDate validUntil, String checkedBy,
            java.time.LocalDate checkedOn, String note) {
        if (amountYen <= 0) {
            throw new IllegalArgumentException("a capacity covers a positive amount");
        }
        long id = jdbc.sql("""
                insert into tpp_compensation_capacity (tpp_id, kind, insurer, policy_number, amount_yen, valid_until,
                    checked_by, checked_on, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(tppId, kind.name(), blankToNull(insurer), blankToNull(policyNumber), amountYen,
                Date.valueOf(validUntil), checkedBy, Date.valueOf(checkedOn), blankToNull(note))
                .query(Long.class).single();
        return of(tppId).stream().filter(capacity -> capacity.id() == id).findFirst().orElseThrow();
    }

    /** A TPP's capacity records, latest ending first. */
    public List<CompensationCapacity> of(String tppId) {
        return jdbc.sql("select * from tpp_compensation_capacity where tpp_id = ? order by valid_until desc, id desc")
                .param(tppId).query(CompensationCapacities::capacity).list();
    }

    private static CompensationCapacity capacity(ResultSet rs, int row) throws SQLException {
        return new CompensationCapacity(rs.getLong("id"), rs.getString("tpp_id"),
                CompensationCapacity.Kind.valueOf(rs.getString("kind")), rs.getString("insurer"),
                rs.getString("policy_number"), rs.getLong("amount_yen"), rs.getDate("valid_until").toLocalDate(),
                rs.getString("checked_by"), rs.getDate("checked_on").toLocalDate(), rs.getString("note"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
