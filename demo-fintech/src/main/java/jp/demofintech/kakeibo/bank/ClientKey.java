package jp.demofintech.kakeibo.bank;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The app's private_key_jwt client authentication (RFC 7523): a fresh, short-lived assertion per request, signed
 * with the app's private key and addressed to the bank's issuer (FAPI 2.0 final). The key file is read at each use,
 * so the app can start before the bank's demo profile has written it and picks up a replaced key.
 */
final class ClientKey {

    private ClientKey() {
    }

    static ClientAuthentication assertion(Path keyFile, String clientId, String issuer) {
        JWK key = signingKey(keyFile);
        var claims = new JWTAuthenticationClaimsSet(new ClientID(clientId), new Audience(issuer));
        try {
            if (key instanceof ECKey ec) {
                return new PrivateKeyJWT(claims, algorithm(key, JWSAlgorithm.ES256), ec.toECPrivateKey(),
                        key.getKeyID(), null);
            }
            return new PrivateKeyJWT(claims, algorithm(key, JWSAlgorithm.PS256), ((RSAKey) key).toRSAPrivateKey(),
                    key.getKeyID(), null);
        }
        catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the client assertion", e);
        }
    }

    private static JWK signingKey(Path keyFile) {
        try {
            return JWKSet.parse(Files.readString(keyFile)).getKeys().stream()
                    .filter(JWK::isPrivate)
                    .filter(k -> k.getKeyUse() == null || KeyUse.SIGNATURE.equals(k.getKeyUse()))
                    .filter(k -> k instanceof ECKey || k instanceof RSAKey)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no private EC or RSA signing key in " + keyFile));
        }
        catch (IOException e) {
            throw BankProblem.unavailable("the app's client key " + keyFile.toAbsolutePath()
                    + " cannot be read (the bank's demo profile writes it at its first start)", e);
        }
        catch (java.text.ParseException e) {
            throw new IllegalStateException("the client key file " + keyFile + " is not a JWK set", e);
        }
    }

    private static JWSAlgorithm algorithm(JWK key, JWSAlgorithm fallback) {
        return key.getAlgorithm() == null ? fallback : JWSAlgorithm.parse(key.getAlgorithm().getName());
    }
}
