package jp.kakehashi.authorization.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import jp.kakehashi.authorization.keys.SigningKeys;
import jp.kakehashi.tpp.ClientMessageSigning;
import org.springframework.stereotype.Component;

/**
 * Signs the bank's JWT responses (JARM, RFC 9701 introspection) with the newest of the keys published at the JWKS
 * endpoint, so a client verifies them as it verifies ID tokens. The bank's keys are ES256 (FAPI 2.0 §5.4.1), so
 * {@link ClientMessageSigning#RESPONSE_ALGORITHMS} is ES256 alone.
 */
@Component
public class ServerJwtSigner {

    private static final JWKSelector SIGNING_KEYS = new JWKSelector(new JWKMatcher.Builder()
            .algorithms(JWSAlgorithm.ES256, null).keyUses(KeyUse.SIGNATURE, null).privateOnly(true).build());

    private final SigningKeys keys;

    ServerJwtSigner(SigningKeys keys) {
        this.keys = keys;
    }

    /** The compact JWS of {@code claims}, typed {@code type} (null for none). */
    public String sign(JWTClaimsSet claims, JOSEObjectType type) {
        try {
            List<JWK> candidates = keys.source().get(SIGNING_KEYS, null);
            if (candidates.isEmpty()) {
                throw new IllegalStateException("the server has no ES256 signing key");
            }
            ECKey key = candidates.getLast().toECKey();
            var header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(type).build();
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException("signing a response failed", e);
        }
    }
}
