package jp.kakehashi.tpp.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.assessment.AssessmentProperties.TrustedBank;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A4, A7 on PostgreSQL: a verified record of another bank is kept with its raw JWS and origin for the TPP it names;
 * a record about another TPP or imported twice is refused; this bank's own export is kept and verifies.
 */
class AssessmentsTest {

    private static final String REGISTRATION = "関東財務局長（電代）第00042号";
    private static EmbeddedPostgres postgres;
    private static Tpps tpps;
    private static Assessments assessments;
    private static ECKey otherBankKey;

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        var dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        var constructor = Tpps.class.getDeclaredConstructor(JdbcClient.class); // the registry's own store, as wired
        constructor.setAccessible(true);
        tpps = constructor.newInstance(jdbc);
        otherBankKey = new ECKeyGenerator(Curve.P_256).keyID("minato-1").generate();
        var signer = new AssessmentSigner("https://bank.kakehashi.example",
                new ECKeyGenerator(Curve.P_256).keyID("own-1").generate());
        var verifier = new AssessmentVerifier(List.of(new TrustedBank("みなと銀行", "https://minato.example", null,
                new JWKSet(otherBankKey.toPublicJWK()).toString())))
                .trusting("架け橋銀行", signer.issuer(), signer.publicKeys());
        assessments = new Assessments(jdbc, tpps, verifier, signer, "架け橋銀行", Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void importRecordWhenVerifiedAndAboutThisTppThenKeptWithRawJwsAndOrigin() throws Exception {
        String tpp = tpp(REGISTRATION);
        String jws = signed(REGISTRATION, UUID.randomUUID().toString());

        var result = assessments.importRecord(tpp, jws, "reviewer-1");

        assertThat(result).isInstanceOf(Assessments.Import.Imported.class);
        assertThat(assessments.of(tpp)).singleElement().satisfies(stored -> {
            assertThat(stored.direction()).isEqualTo(StoredAssessment.Direction.IMPORTED);
            assertThat(stored.bankName()).isEqualTo("みなと銀行");
            assertThat(stored.keyId()).isEqualTo("minato-1");
            assertThat(stored.jws()).isEqualTo(jws);
            assertThat(stored.record().outcome()).isEqualTo(AssessmentRecord.Outcome.PASSED);
            assertThat(stored.recordedBy()).isEqualTo("reviewer-1");
            assertThat(assessments.verifyAgain(stored)).isInstanceOf(AssessmentVerification.Verified.class);
        });
    }

    @Test
    void importRecordWhenAboutAnotherTppThenRefusedAndNothingKept() throws Exception {
        String tpp = tpp(REGISTRATION);

        var result = assessments.importRecord(tpp, signed("関東財務局長（電代）第99999号", "x-1"), "reviewer-1");

        assertThat(result).isEqualTo(new Assessments.Import.Refused(AssessmentRefusal.OTHER_TPP));
        assertThat(assessments.of(tpp)).isEmpty();
    }

    @Test
    void importRecordWhenImportedTwiceThenSecondRefusedAlreadyImported() throws Exception {
        String tpp = tpp(REGISTRATION);
        String jws = signed(REGISTRATION, UUID.randomUUID().toString());
        assessments.importRecord(tpp, jws, "reviewer-1");

        assertThat(assessments.importRecord(tpp, jws, "reviewer-2"))
                .isEqualTo(new Assessments.Import.Refused(AssessmentRefusal.ALREADY_IMPORTED));
        assertThat(assessments.of(tpp)).hasSize(1);
    }

    @Test
    void importRecordWhenTamperedThenRefusedBadSignature() throws Exception {
        String tpp = tpp(REGISTRATION);
        String jws = signed(REGISTRATION, "t-1");
        String tampered = jws.substring(0, jws.length() - 4) + (jws.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThat(assessments.importRecord(tpp, tampered, "reviewer-1"))
                .isEqualTo(new Assessments.Import.Refused(AssessmentRefusal.BAD_SIGNATURE));
    }

    @Test
    void exportWhenThisBankAssessesThenSignedRecordKeptAndVerifies() {
        String tpp = tpp(REGISTRATION);

        var exported = assessments.export(tpp, AssessmentRecord.Kind.MONITORING, LocalDate.of(2026, 11, 20),
                AssessmentRecord.Outcome.PASSED_WITH_CONDITIONS, "改善要請1件、期限内に回答", "approver-1");

        assertThat(exported.direction()).isEqualTo(StoredAssessment.Direction.EXPORTED);
        assertThat(assessments.verifyAgain(exported)).isInstanceOfSatisfying(AssessmentVerification.Verified.class,
                verified -> assertThat(verified.record().registrationNumber()).isEqualTo(REGISTRATION));
        assertThat(assessments.of(tpp)).extracting(StoredAssessment::id).containsExactly(exported.id());
    }

    private static String tpp(String registrationNumber) {
        String id = "tpp-" + UUID.randomUUID().toString().substring(0, 8);
        tpps.register(new Tpp(id, "株式会社テスト", "Test K.K.", "テスト", "Test", "代表 太郎", "東京都", "03-0000-0000",
                "a@example.jp", null, registrationNumber, TppStatus.ACTIVE, Set.of("accounts")));
        return id;
    }

    private static String signed(String registrationNumber, String recordId) throws Exception {
        var claims = new JWTClaimsSet.Builder().issuer("https://minato.example").jwtID(recordId)
                .issueTime(Date.from(Instant.now())).claim("kind", "screening").claim("assessed_on", "2026-09-30")
                .claim("outcome", "passed").claim("summary", "審査基準を満たす")
                .claim("tpp", Map.of("registration_number", registrationNumber, "corporate_number", "1234567890123"))
                .build();
        var jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("minato-1").build(), claims);
        jws.sign(new ECDSASigner(otherBankKey));
        return jws.serialize();
    }
}
