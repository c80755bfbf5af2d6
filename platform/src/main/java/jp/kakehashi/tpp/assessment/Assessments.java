package jp.kakehashi.tpp.assessment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.assessment.AssessmentVerification.Refused;
import jp.kakehashi.tpp.assessment.AssessmentVerification.Verified;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assessments of TPPs relied on across banks (共同監査方式, A4, A7): imports another bank's signed record after
 * verifying it, exports this bank's own as a signed record, and lists both per TPP with their origin.
 */
public class Assessments {

    /** The outcome of an import: the stored assessment, or why the record was refused. */
    public sealed interface Import {
        record Imported(StoredAssessment assessment) implements Import {
        }

        record Refused(AssessmentRefusal reason) implements Import {
        }
    }

    private final JdbcClient jdbc;
    private final Tpps tpps;
    private final AssessmentVerifier verifier;
    private final AssessmentSigner signer;
    private final String ownBankName;
    private final Clock clock;

    Assessments(JdbcClient jdbc, Tpps tpps, AssessmentVerifier verifier, AssessmentSigner signer, String ownBankName,
            Clock clock) {
        this.jdbc = jdbc;
        this.tpps = tpps;
        this.verifier = verifier;
        this.signer = signer;
        this.ownBankName = ownBankName;
        this.clock = clock;
    }

    /** Verifies another bank's record and keeps it for the TPP it names. */
    @Transactional
    public Import importRecord(String tppId, String jws, String staff) {
        Tpp tpp = tpps.find(tppId).orElseThrow(() -> new IllegalArgumentException("no TPP " + tppId));
        AssessmentVerification verification = verifier.verify(jws == null ? "" : jws);
        if (verification instanceof Refused(AssessmentRefusal reason)) {
            return new Import.Refused(reason);
        }
        Verified verified = (Verified) verification;
        if (!sameTpp(verified.record().registrationNumber(), tpp.registrationNumber())) {
            return new Import.Refused(AssessmentRefusal.OTHER_TPP);
        }
        try {
            return new Import.Imported(store(tppId, StoredAssessment.Direction.IMPORTED, verified.bankName(),
                    verified.keyId(), verified.record(), jws.strip(), staff));
        }
        catch (DuplicateKeyException e) {
            return new Import.Refused(AssessmentRefusal.ALREADY_IMPORTED);
        }
    }

    /** Signs and keeps this bank's own assessment of a TPP, for other banks to import. */
    @Transactional
    public StoredAssessment export(String tppId, AssessmentRecord.Kind kind, LocalDate assessedOn,
            AssessmentRecord.Outcome outcome, String summary, String staff) {
        Tpp tpp = tpps.find(tppId).orElseThrow(() -> new IllegalArgumentException("no TPP " + tppId));
        var record = new AssessmentRecord(signer.issuer(), java.util.UUID.randomUUID().toString(), clock.instant(),
                kind, assessedOn, outcome, summary == null ? "" : summary.strip(), tpp.legalName(),
                tpp.registrationNumber(), null);
        String jws = signer.sign(record);
        return store(tppId, StoredAssessment.Direction.EXPORTED, ownBankName,
                signer.publicKeys().getKeys().getFirst().getKeyID(), record, jws, staff);
    }

    /** A TPP's assessments, newest assessment first. */
    public List<StoredAssessment> of(String tppId) {
        return jdbc.sql("select * from tpp_assessment where tpp_id = ? order by assessed_on desc, id desc")
                .param(tppId).query(Assessments::stored).list();
    }

    public Optional<StoredAssessment> find(long id) {
        return jdbc.sql("select * from tpp_assessment where id = ?").param(id).query(Assessments::stored).optional();
    }

    /** Verifies a kept record again against the keys trusted now (a bank's key may have been withdrawn since). */
    public AssessmentVerification verifyAgain(StoredAssessment assessment) {
        return verifier.verify(assessment.jws());
    }

    private StoredAssessment store(String tppId, StoredAssessment.Direction direction, String bankName, String keyId,
            AssessmentRecord record, String jws, String staff) {
        var now = clock.instant();
        long id = jdbc.sql("""
                insert into tpp_assessment (tpp_id, direction, issuer, bank_name, key_id, record_id, kind, assessed_on,
                    outcome, summary, tpp_name, registration_number, corporate_number, jws, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(tppId, direction.name(), record.issuer(), bankName, keyId, record.id(), record.kind().name(),
                Date.valueOf(record.assessedOn()), record.outcome().name(), record.summary(), record.tppName(),
                record.registrationNumber(), record.corporateNumber(), jws, staff, Timestamp.from(now))
                .query(Long.class).single();
        return new StoredAssessment(id, tppId, direction, bankName, keyId, record, jws, staff, now);
    }

    /** Registration numbers compared as written, ignoring width and spaces (全角/半角). */
    static boolean sameTpp(String recorded, String registered) {
        return recorded != null && registered != null && normal(recorded).equals(normal(registered));
    }

    private static String normal(String number) {
        return Normalizer.normalize(number, Normalizer.Form.NFKC).replaceAll("\\s", "");
    }

    private static StoredAssessment stored(ResultSet rs, int row) throws SQLException {
        var record = new AssessmentRecord(rs.getString("issuer"), rs.getString("record_id"), null,
                AssessmentRecord.Kind.valueOf(rs.getString("kind")), rs.getDate("assessed_on").toLocalDate(),
                AssessmentRecord.Outcome.valueOf(rs.getString("outcome")), rs.getString("summary"),
                rs.getString("tpp_name"), rs.getString("registration_number"), rs.getString("corporate_number"));
        return new StoredAssessment(rs.getLong("id"), rs.getString("tpp_id"),
                StoredAssessment.Direction.valueOf(rs.getString("direction")), rs.getString("bank_name"),
                rs.getString("key_id"), record, rs.getString("jws"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
