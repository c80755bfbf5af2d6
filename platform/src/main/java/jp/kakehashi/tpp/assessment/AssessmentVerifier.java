package jp.kakehashi.tpp.assessment;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.tpp.assessment.AssessmentVerification.Refused;
import jp.kakehashi.tpp.assessment.AssessmentVerification.Verified;

/**
 * Verifies signed assessment records (A4, A7) against the public keys of the trusted banks: the issuer must be one
 * of them, the algorithm ES256 or PS256, and one of that bank's keys must verify the signature. The unverified
 * {@code iss} only chooses whose keys to try; nothing else of the record is read before the signature holds.
 */
public final class AssessmentVerifier {

    private static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.PS256);

    private record Bank(String name, JWKSet keys) {
    }

    private final Map<String, Bank> banksByIssuer = new LinkedHashMap<>();

    /** Loads the trusted banks' keys; a bank without readable keys is a configuration error. */
    public AssessmentVerifier(List<AssessmentProperties.TrustedBank> trustedBanks) {
        for (var bank : trustedBanks) {
            banksByIssuer.put(bank.issuer(), new Bank(bank.name(), keysOf(bank)));
        }
    }

    /** Adds a bank (this bank itself, so its own exported records can be checked like any other). */
    AssessmentVerifier trusting(String name, String issuer, JWKSet publicKeys) {
        banksByIssuer.putIfAbsent(issuer, new Bank(name, publicKeys));
        return this;
    }

    public AssessmentVerification verify(String compactJws) {
        SignedJWT jws;
        JWTClaimsSet unverified;
        try {
            jws = SignedJWT.parse(compactJws.strip());
            unverified = jws.getJWTClaimsSet();
        }
        catch (ParseException | IllegalArgumentException e) {
            return new Refused(AssessmentRefusal.MALFORMED);
        }
        if (!ALLOWED.contains(jws.getHeader().getAlgorithm())) {
            return new Refused(AssessmentRefusal.ALGORITHM_NOT_ALLOWED);
        }
        Bank bank = unverified.getIssuer() == null ? null : banksByIssuer.get(unverified.getIssuer());
        if (bank == null) {
            return new Refused(AssessmentRefusal.UNKNOWN_ISSUER);
        }
        String keyId = verifyingKey(jws, bank.keys());
        if (keyId == null) {
            return new Refused(AssessmentRefusal.BAD_SIGNATURE);
        }
        try {
            return new Verified(recordOf(unverified), bank.name(), keyId.isEmpty() ? null : keyId);
        }
        catch (ParseException | DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            return new Refused(AssessmentRefusal.MISSING_CLAIM);
        }
    }

    /** The id of the key that verifies the signature ("" for a key without id), or null if none does. */
    private static String verifyingKey(SignedJWT jws, JWKSet keys) {
        String kid = jws.getHeader().getKeyID();
        for (JWK key : keys.getKeys()) {
            if (kid != null && key.getKeyID() != null && !kid.equals(key.getKeyID())) {
                continue;
            }
            try {
                JWSVerifier verifier = verifierFor(key, jws.getHeader().getAlgorithm());
                if (verifier != null && jws.verify(verifier)) {
                    return key.getKeyID() == null ? "" : key.getKeyID();
                }
            }
            catch (JOSEException | IllegalStateException wrongKey) {
                // a key of another type or curve cannot verify this signature; try the next
            }
        }
        return null;
    }

    private static JWSVerifier verifierFor(JWK key, JWSAlgorithm algorithm) throws JOSEException {
        if (algorithm.equals(JWSAlgorithm.ES256) && key instanceof ECKey ec) {
            return new ECDSAVerifier(ec.toPublicJWK());
        }
        if (algorithm.equals(JWSAlgorithm.PS256) && key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa.toPublicJWK());
        }
        return null;
    }

    static AssessmentRecord recordOf(JWTClaimsSet claims) throws ParseException {
        Map<String, Object> tpp = claims.getJSONObjectClaim("tpp");
        String registration = tpp == null ? null : text(tpp.get("registration_number"));
        String corporate = tpp == null ? null : text(tpp.get("corporate_number"));
        if (registration == null && corporate == null) {
            throw new IllegalArgumentException("the record names no TPP");
        }
        return new AssessmentRecord(claims.getIssuer(), claims.getJWTID(), claims.getIssueTime().toInstant(),
                AssessmentRecord.Kind.valueOf(upper(claims.getStringClaim("kind"))),
                LocalDate.parse(claims.getStringClaim("assessed_on")),
                AssessmentRecord.Outcome.valueOf(upper(claims.getStringClaim("outcome"))),
                claims.getStringClaim("summary") == null ? "" : claims.getStringClaim("summary"),
                text(tpp.get("name")), registration, corporate);
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    private static JWKSet keysOf(AssessmentProperties.TrustedBank bank) {
        try {
            String json = bank.jwks() != null ? bank.jwks() : Files.readString(bank.jwksFile());
            return JWKSet.parse(json).toPublicJWKSet();
        }
        catch (IOException e) {
            throw new UncheckedIOException("the keys of trusted bank " + bank.name() + " cannot be read", e);
        }
        catch (ParseException | NullPointerException e) {
            throw new IllegalStateException("trusted bank " + bank.name() + " needs a JWK set (jwks or jwks-file)", e);
        }
    }
}
