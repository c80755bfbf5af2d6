package jp.kakehashi.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The consent records as stored, for the audit module's hash chain over them (D5): the fields exactly as kept, in the
 * order they were made, and the one change the table allows, giving an unchained record its place in the chain. The
 * consent module owns the table and its content; the chain's encoding and checks are the audit module's.
 */
@Repository
public class ConsentRecords {

    private static final String COLUMNS = """
            entry_number, id, grant_id, customer_id, language, template, shown::text as shown_text, shown_sha256,
            agreed_at, template_version, page_sha256, confirmation_text, sign_in_level, sequence_number,
            previous_hash, record_hash""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ConsentRecords(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * A consent record's stored fields.
     *
     * @param entryNumber    the order in which records were made
     * @param shownJson      what was shown, as PostgreSQL's jsonb text (keys in its own order)
     * @param sequenceNumber its place in the chain, null until chained
     */
    public record StoredConsent(long entryNumber, String id, String grantId, String customerId, String language,
            String template, String shownJson, String shownSha256, Instant agreedAt, String templateVersion,
            String pageSha256, String confirmationText, String signInLevel, Long sequenceNumber,
            String previousHash, String recordHash) {
    }

    /** Up to {@code limit} records not chained yet, oldest first. */
    public List<StoredConsent> unchained(int limit) {
        return jdbc.sql("select " + COLUMNS + " from consent_record where sequence_number is null"
                + " order by entry_number limit ?").param(limit).query(ConsentRecords::stored).list();
    }

    /** Up to {@code limit} chained records after a position, in chain order. */
    public List<StoredConsent> chainedAfter(long sequenceNumber, int limit) {
        return jdbc.sql("select " + COLUMNS + " from consent_record where sequence_number > ?"
                + " order by sequence_number limit ?").params(sequenceNumber, limit)
                .query(ConsentRecords::stored).list();
    }

    /**
     * Gives unchained records their place: each {sequence number, previous hash, hash, entry number}. The table's
     * trigger allows exactly this, once per record; returns the update count of each.
     */
    public int[] link(List<Object[]> links) {
        return batch.batchUpdate("""
                update consent_record set sequence_number = ?, previous_hash = ?, record_hash = ?
                where entry_number = ? and sequence_number is null""", links);
    }

    private static StoredConsent stored(ResultSet rs, int row) throws SQLException {
        Timestamp agreed = rs.getTimestamp("agreed_at");
        return new StoredConsent(rs.getLong("entry_number"), rs.getString("id"), rs.getString("grant_id"),
                rs.getString("customer_id"), rs.getString("language"), rs.getString("template"),
                rs.getString("shown_text"), rs.getString("shown_sha256"), agreed.toInstant(),
                rs.getString("template_version"), rs.getString("page_sha256"), rs.getString("confirmation_text"),
                rs.getString("sign_in_level"), rs.getObject("sequence_number", Long.class),
                rs.getString("previous_hash"), rs.getString("record_hash"));
    }
}
