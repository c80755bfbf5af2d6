package jp.kakehashi.tpp.assessment;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Signs this bank's own assessments (共同監査方式, A4, A7) with its ES256 key, so other banks can rely on them as this
 * bank relies on theirs. The private key is created on first use in {@code kakehashi.assessments.key-file} (readable
 * by the owner only); only its public part ever leaves the bank, at {@code /assessments/jwks.json}.
 */
public final class AssessmentSigner {

    static final JOSEObjectType TYPE = new JOSEObjectType("kakehashi-assessment+jwt");

    private final String issuer;
    private final ECKey key;

    public AssessmentSigner(String issuer, Path keyFile) {
        this.issuer = issuer;
        this.key = loadOrCreate(keyFile);
    }

    AssessmentSigner(String issuer, ECKey key) {
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

    private static ECKey loadOrCreate(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return (ECKey) JWKSet.parse(Files.readString(keyFile)).getKeys().getFirst();
            }
            ECKey created = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyID("assessment-" + UUID.randomUUID().toString().substring(0, 8)).generate();
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, new JWKSet(created).toString(false));
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException notPosix) {
                // on a file system without POSIX permissions the folder's protection applies
            }
            return created;
        }
        catch (IOException e) {
            throw new UncheckedIOException("the bank's assessment key file " + keyFile + " cannot be used", e);
        }
        catch (ParseException | JOSEException | ClassCastException e) {
            throw new IllegalStateException("the bank's assessment key file " + keyFile + " holds no EC key", e);
        }
    }
}
