package jp.kakehashi.authorization.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import jp.kakehashi.authorization.client.TppRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The public keys a client registered, by value ({@code jwks}) or by reference ({@code jwks_uri}), and the check of a
 * client's signature with them, shared by its request objects (RFC 9101) and its {@code private_key_jwt} client
 * assertions (RFC 7523): PS256 and ES256 with RSA and P-256 keys, EdDSA with Ed25519 keys (FAPI 2.0 §5.4.1).
 */
public final class RegisteredClientKeys {

    /** What the check of a signature with the client's keys found. */
    public enum Verification {
        /** a key of the client, fitting the header, verifies the signature */
        VERIFIED,
        /** the client registered no keys, or they cannot be read */
        NO_KEYS,
        /** the keys could not be fetched or selected */
        UNREADABLE_KEYS,
        /** none of the client's keys fitting the header verifies the signature */
        NOT_VERIFIED
    }

    private RegisteredClientKeys() {
    }

    /** The client's keys, or empty if it registered none or they cannot be read. */
    static Optional<JWKSource<SecurityContext>> of(RegisteredClient client) {
        String jwks = client.getClientSettings().getSetting(TppRegisteredClientRepository.JWKS_SETTING);
        try {
            if (jwks != null) {
                return Optional.of(new ImmutableJWKSet<>(JWKSet.parse(jwks)));
            }
            String url = client.getClientSettings().getJwkSetUrl();
            return url == null ? Optional.empty()
                    : Optional.of(JWKSourceBuilder.create(URI.create(url).toURL()).build());
        }
        catch (ParseException | MalformedURLException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Tries the client's keys that fit the header ({@code kid}, key type, curve for the {@code alg}); the caller has
     * checked the algorithm is one it accepts. Nimbus' {@code JWSVerificationKeySelector} converts keys to
     * {@code java.security} keys, which Ed25519 keys (OKP) cannot be, so the verifiers are chosen here from the JWKs.
     */
    public static Verification verify(SignedJWT signed, RegisteredClient client) {
        Optional<JWKSource<SecurityContext>> keys = of(client);
        if (keys.isEmpty()) {
            return Verification.NO_KEYS;
        }
        List<JWK> candidates;
        try {
            candidates = keys.get().get(new JWKSelector(JWKMatcher.forJWSHeader(signed.getHeader())), null);
        }
        catch (JOSEException | RuntimeException e) {
            return Verification.UNREADABLE_KEYS;
        }
        for (JWK key : candidates) {
            try {
                if (signed.verify(verifier(key))) {
                    return Verification.VERIFIED;
                }
            }
            catch (JOSEException e) {
                // this key cannot verify this algorithm (e.g. another curve): try the next
            }
        }
        return Verification.NOT_VERIFIED;
    }

    private static JWSVerifier verifier(JWK key) throws JOSEException {
        return switch (key) {
            case ECKey ec -> new ECDSAVerifier(ec);
            case RSAKey rsa -> new RSASSAVerifier(rsa);
            case OctetKeyPair okp -> new Ed25519Verifier(okp.toPublicJWK());
            default -> throw new JOSEException("no verifier for " + key.getKeyType());
        };
    }
}
