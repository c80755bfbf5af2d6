package jp.kakehashi.notification.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import org.springframework.stereotype.Component;

/**
 * Signs the bank's webhook notices (A6, C6): a JWS with detached payload (RFC 7515 Appendix F) over the exact body,
 * with the key of {@link SecurityEventKey}, sent in {@value #HEADER}. A TPP verifies it against the bank's published
 * JWKS, so a forged "you are suspended" cannot pass for the bank's.
 */
@Component
public class NoticeSignatures {

    public static final String HEADER = "Kakehashi-Signature";

    private final SecurityEventKey key;

    NoticeSignatures(SecurityEventKey key) {
        this.key = key;
    }

    public String sign(String body) {
        var jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.signingKey().getKeyID()).build(),
                new Payload(body));
        try {
            jws.sign(new ECDSASigner(key.signingKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a notice", e);
        }
        return jws.serialize(true);
    }
}
