package jp.kakehashi.authorization.fapi;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Signed JWTs as FAPI clients send them, made with real Nimbus keys: DPoP proofs (RFC 9449 §4.2) and
 * {@code private_key_jwt} client assertions (RFC 7523 §3). Each starts valid; a test changes the one thing it is about.
 */
final class TestFapiJwts {

    private TestFapiJwts() {
    }

    /** A valid ES256 (EC key) or PS256 (RSA key) proof for {@code POST htu}, issued now, with a fresh jti. */
    static Jws dpopProof(JWK key, String htu) {
        Jws proof = new Jws(key).type("dpop+jwt").embedKey(true).claim("htm", "POST").claim("htu", htu)
                .claim("jti", UUID.randomUUID().toString());
        return proof.issuedAt(Instant.now());
    }

    /** A valid client assertion of {@code clientId} for the issuer, issued at {@code now}, valid for 5 minutes. */
    static Jws clientAssertion(JWK key, String clientId, Instant now) {
        return new Jws(key).claim("iss", clientId).claim("sub", clientId).claim("aud", TestFapiClients.ISSUER)
                .claim("jti", UUID.randomUUID().toString()).issuedAt(now)
                .claim("exp", now.plusSeconds(300).getEpochSecond());
    }

    /**
     * A JWS whose payload is written as given (so {@code "aud":["x"]} stays an array, which Nimbus' claims builder
     * would collapse to a string), signed with {@code key} (or, with {@link #signedWith}, another one).
     */
    static final class Jws {

        private final JWK key;
        private JWK signingKey;
        private JWSAlgorithm algorithm;
        private JOSEObjectType type;
        private boolean embedKey;
        private final Map<String, Object> claims = new LinkedHashMap<>();

        Jws(JWK key) {
            this.key = key;
            this.signingKey = key;
            this.algorithm = defaultAlgorithm(key);
        }

        Jws claim(String name, Object value) {
            if (value == null) {
                claims.remove(name);
            }
            else {
                claims.put(name, value);
            }
            return this;
        }

        Jws issuedAt(Instant instant) {
            return claim("iat", instant.getEpochSecond());
        }

        Jws algorithm(JWSAlgorithm algorithm) {
            this.algorithm = algorithm;
            return this;
        }

        Jws type(String type) {
            this.type = type == null ? null : new JOSEObjectType(type);
            return this;
        }

        Jws embedKey(boolean embedKey) {
            this.embedKey = embedKey;
            return this;
        }

        /** Signs with {@code other} while the header still names (and embeds) the original key. */
        Jws signedWith(JWK other) {
            this.signingKey = other;
            return this;
        }

        String serialize() {
            var header = new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(type);
            if (embedKey) {
                header.jwk(key.toPublicJWK());
            }
            JWSObject jws = new JWSObject(header.build(), new Payload(claims));
            try {
                jws.sign(signer(signingKey));
            }
            catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jws.serialize();
        }

        private static JWSAlgorithm defaultAlgorithm(JWK key) {
            return switch (key) {
                case ECKey ec -> JWSAlgorithm.ES256;
                case RSAKey rsa -> JWSAlgorithm.PS256;
                case OctetKeyPair okp -> JWSAlgorithm.EdDSA;
                default -> throw new IllegalArgumentException(key.getKeyType().toString());
            };
        }

        private static JWSSigner signer(JWK key) throws JOSEException {
            return switch (key) {
                case ECKey ec -> new ECDSASigner(ec);
                case RSAKey rsa -> new RSASSASigner(rsa);
                case OctetKeyPair okp -> new Ed25519Signer(okp);
                default -> throw new IllegalArgumentException(key.getKeyType().toString());
            };
        }
    }

    /** An HS256 JWS with a shared secret, an algorithm no FAPI endpoint accepts. */
    static String hs256(Map<String, Object> claims) {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(claims));
        try {
            jws.sign(new MACSigner(new byte[32]));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }
}
