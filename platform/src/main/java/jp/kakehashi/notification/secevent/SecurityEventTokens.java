package jp.kakehashi.notification.secevent;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import jp.kakehashi.notification.signing.SecurityEventKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes security event tokens (RFC 8417 SET, OpenID Shared Signals): a JWS of type {@code secevent+jwt} signed with
 * {@link SecurityEventKey}, issued by the bank's issuer to one audience, with a fresh {@code jti}, {@code iat}, the
 * subject as an RFC 9493 {@code sub_id} and one event.
 */
@Component
class SecurityEventTokens {

    static final JOSEObjectType TYPE = new JOSEObjectType("secevent+jwt");

    private final SecurityEventKey key;
    private final String issuer;
    private final Clock clock;

    SecurityEventTokens(SecurityEventKey key, @Value("${kakehashi.issuer}") String issuer, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
    }

    String issuer() {
        return issuer;
    }

    /**
     * @param subject   the RFC 9493 subject identifier, e.g. {@code {"format":"opaque","id":"tpp-…"}}
     * @param eventType the event's URI (a CAEP or RISC type where one fits, else a bank-defined one)
     */
    String issue(String audience, Map<String, Object> subject, String eventType, Map<String, Object> event) {
        var claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).issueTime(Date.from(clock.instant()))
                .jwtID(UUID.randomUUID().toString()).claim("sub_id", subject).claim("events", Map.of(eventType, event))
                .build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE)
                .keyID(key.signingKey().getKeyID()).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key.signingKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a security event token", e);
        }
        return jwt.serialize();
    }
}
