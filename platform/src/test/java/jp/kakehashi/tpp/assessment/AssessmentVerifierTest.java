package jp.kakehashi.tpp.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.kakehashi.tpp.assessment.AssessmentProperties.TrustedBank;
import jp.kakehashi.tpp.assessment.AssessmentVerification.Refused;
import jp.kakehashi.tpp.assessment.AssessmentVerification.Verified;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A4, A7: another bank's signed assessment verifies against that bank's configured key and shows its origin; a
 * tampered record, an unknown issuer, a key of someone else, a weak algorithm or a record without the required claims
 * is refused with its reason; and this bank's own exported records verify the same way (the scheme works both ways).
 */
class AssessmentVerifierTest {

    private static final String OTHER_BANK = "https://bank.other.example";
    private static ECKey otherBankKey;
    private static RSAKey rsaBankKey;
    private static AssessmentVerifier verifier;

    @BeforeAll
    static void banks() throws Exception {
        otherBankKey = new ECKeyGenerator(Curve.P_256).keyID("other-1").generate();
        rsaBankKey = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        verifier = new AssessmentVerifier(List.of(
                new TrustedBank("みなと銀行", OTHER_BANK, null, new JWKSet(otherBankKey.toPublicJWK()).toString()),
                new TrustedBank("RSA信用金庫", "https://rsa.example", null,
                        new JWKSet(rsaBankKey.toPublicJWK()).toString())));
    }

    @Test
    void verifyWhenSignedByTrustedBankThenVerifiedWithItsOriginAndClaims() throws Exception {
        var result = verifier.verify(signEs256(claims(OTHER_BANK), otherBankKey));

        assertThat(result).isInstanceOfSatisfying(Verified.class, verified -> {
            assertThat(verified.bankName()).isEqualTo("みなと銀行");
            assertThat(verified.keyId()).isEqualTo("other-1");
            assertThat(verified.record().issuer()).isEqualTo(OTHER_BANK);
            assertThat(verified.record().kind()).isEqualTo(AssessmentRecord.Kind.SCREENING);
            assertThat(verified.record().outcome()).isEqualTo(AssessmentRecord.Outcome.PASSED_WITH_CONDITIONS);
            assertThat(verified.record().assessedOn()).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(verified.record().registrationNumber()).isEqualTo("関東財務局長（電代）第00001号");
            assertThat(verified.record().summary()).isEqualTo("情報セキュリティ体制は十分");
        });
    }

    @Test
    void verifyWhenPs256FromTrustedBankThenVerified() throws Exception {
        var jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID("rsa-1").build(),
                claims("https://rsa.example"));
        jws.sign(new RSASSASigner(rsaBankKey));

        assertThat(verifier.verify(jws.serialize())).isInstanceOf(Verified.class);
    }

    @Test
    void verifyWhenPayloadTamperedThenRefusedBadSignature() throws Exception {
        String[] parts = signEs256(claims(OTHER_BANK), otherBankKey).split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
                .replace("passed_with_conditions", "passed");
        String tampered = parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];

        assertThat(verifier.verify(tampered)).isEqualTo(new Refused(AssessmentRefusal.BAD_SIGNATURE));
    }

    @Test
    void verifyWhenIssuerNotTrustedThenRefusedUnknownIssuer() throws Exception {
        var result = verifier.verify(signEs256(claims("https://bank.unknown.example"), otherBankKey));

        assertThat(result).isEqualTo(new Refused(AssessmentRefusal.UNKNOWN_ISSUER));
    }

    @Test
    void verifyWhenTrustedIssuerButAnotherKeyThenRefusedBadSignature() throws Exception {
        ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID("other-1").generate();

        assertThat(verifier.verify(signEs256(claims(OTHER_BANK), impostor)))
                .isEqualTo(new Refused(AssessmentRefusal.BAD_SIGNATURE));
    }

    @Test
    void verifyWhenSymmetricAlgorithmThenRefusedAlgorithmNotAllowed() throws Exception {
        var jws = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(OTHER_BANK));
        jws.sign(new MACSigner("a shared secret of at least thirty-two bytes!!".getBytes(StandardCharsets.UTF_8)));

        assertThat(verifier.verify(jws.serialize())).isEqualTo(new Refused(AssessmentRefusal.ALGORITHM_NOT_ALLOWED));
    }

    @Test
    void verifyWhenNotAJwsThenRefusedMalformed() {
        assertThat(verifier.verify("これは署名付きの記録ではありません")).isEqualTo(new Refused(AssessmentRefusal.MALFORMED));
    }

    @Test
    void verifyWhenSignedButNoTppNamedThenRefusedMissingClaim() throws Exception {
        var claims = new JWTClaimsSet.Builder(claims(OTHER_BANK)).claim("tpp", Map.of("name", "名前だけ")).build();

        assertThat(verifier.verify(signEs256(claims, otherBankKey)))
                .isEqualTo(new Refused(AssessmentRefusal.MISSING_CLAIM));
    }

    @Test
    void signWhenThisBankExportsThenAnotherBankTrustingItsPublishedKeysVerifiesTheRecord() throws Exception {
        var signer = new AssessmentSigner("https://bank.kakehashi.example",
                new ECKeyGenerator(Curve.P_256).keyID("own-1").generate());
        String exported = signer.sign(new AssessmentRecord(null, "rec-1", Instant.parse("2026-11-26T00:00:00Z"),
                AssessmentRecord.Kind.MONITORING, LocalDate.of(2026, 11, 20), AssessmentRecord.Outcome.PASSED,
                "定期モニタリングで指摘なし", "株式会社デモフィンテック", "関東財務局長（電代）第00001号", null));
        var otherBank = new AssessmentVerifier(List.of(new TrustedBank("架け橋銀行", "https://bank.kakehashi.example",
                null, signer.publicKeys().toString())));

        assertThat(otherBank.verify(exported)).isInstanceOfSatisfying(Verified.class, verified -> {
            assertThat(verified.record().kind()).isEqualTo(AssessmentRecord.Kind.MONITORING);
            assertThat(verified.record().id()).isEqualTo("rec-1");
            assertThat(verified.record().tppName()).isEqualTo("株式会社デモフィンテック");
        });
        assertThat(signer.publicKeys().getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void sameTppWhenNumbersDifferOnlyInWidthAndSpacesThenSame() {
        assertThat(Assessments.sameTpp("関東財務局長(電代)第00001号", "関東財務局長（電代）第０００01号 ")).isTrue();
        assertThat(Assessments.sameTpp("関東財務局長（電代）第00002号", "関東財務局長（電代）第00001号")).isFalse();
        assertThat(Assessments.sameTpp(null, "関東財務局長（電代）第00001号")).isFalse();
    }

    private static JWTClaimsSet claims(String issuer) {
        return new JWTClaimsSet.Builder().issuer(issuer).jwtID("a-1").issueTime(Date.from(Instant.now()))
                .claim("kind", "screening").claim("assessed_on", "2026-10-01").claim("outcome", "passed_with_conditions")
                .claim("summary", "情報セキュリティ体制は十分")
                .claim("tpp", Map.of("name", "株式会社デモフィンテック", "registration_number", "関東財務局長（電代）第00001号"))
                .build();
    }

    private static String signEs256(JWTClaimsSet claims, ECKey key) throws Exception {
        var jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jws.sign(new ECDSASigner(key));
        return jws.serialize();
    }
}
