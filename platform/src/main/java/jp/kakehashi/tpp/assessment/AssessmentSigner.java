package jp.kakehashi.tpp.assessment;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Signs this bank's own assessments (共同監査方式, A4, A7) with its ES256 key, so other banks can rely on them as this
 * bank relies on theirs. The private key is shared by every node, sealed in {@code assessment_key}
 * ({@code AssessmentConfiguration}); only its public part ever leaves the bank, at {@code /assessments/jwks.json}.
 */
public final class AssessmentSigner {

    static final JOSEObjectType TYPE = new JOSEObjectType("kakehashi-assessment+jwt");

    private final String issuer;
    private final ECKey key;

    public AssessmentSigner(String issuer, ECKey key) {
        this.issuer = issuer;
        this.key = key;
    }

    public String issuer() {
        return issuer;
    }

    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** A signed record of an assessment of a TPP this bank made; {@code issuer} and {@code id} are its own. */
    public String sign(AssessmentRecord record) {
        Map<String, Object> tpp = new LinkedHashMap<>();
        putIfPresent(tpp, "name", record.tppName());
        putIfPresent(tpp, "registration_number", record.registrationNumber());
        putIfPresent(tpp, "corporate_number", record.corporateNumber());
        var claims = new JWTClaimsSet.Builder().issuer(issuer)
                .jwtID(record.id() == null ? UUID.randomUUID().toString() : record.id())
                .issueTime(Date.from(record.issuedAt()))
                .claim("kind", record.kind().name().toLowerCase(Locale.ROOT))
                .claim("assessed_on", record.assessedOn().toString())
                .claim("outcome", record.outcome().name().toLowerCase(Locale.ROOT))
                .claim("summary", record.summary()).claim("tpp", tpp).build();
        var jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(key.getKeyID()).build(),
                claims);
        try {
            jws.sign(new ECDSASigner(key));
        }
        catch (JOSEException e) {
            throw new IllegalStateException("the bank's assessment key cannot sign", e);
        }
        return jws.serialize();
    }

    private static void putIfPresent(Map<String, Object> map, String name, String value) {
        if (value != null && !value.isBlank()) {
            map.put(name, value);
        }
    }
}
