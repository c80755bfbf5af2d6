package jp.kakehashi.notification.secevent;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives security events other banks push (F3, RFC 8935): a token is accepted only from a configured trusted bank,
 * signed with one of its published keys, typed {@code secevent+jwt} and addressed to this bank; then it is stored
 * once (a repeated {@code jti} is taken again without a second record) and shown to staff.
 */
@Repository
public class ReceivedSecurityEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.PS256,
            JWSAlgorithm.EdDSA);

    private final JdbcClient jdbc;
    private final SecurityEventProperties properties;
    private final String audience;
    private final Clock clock;
    private final Map<String, JWKSource<SecurityContext>> keys = new ConcurrentHashMap<>();

    ReceivedSecurityEvents(JdbcClient jdbc, SecurityEventProperties properties,
            @Value("${kakehashi.issuer}") String audience, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audience = audience;
        this.clock = clock;
    }

    /** What became of a pushed token: accepted, or the RFC 8935 §2.4 error code to answer with. */
    sealed interface Receipt {
        record Accepted(String jti) implements Receipt {
        }

        record Rejected(SetDeliveryError err, String description) implements Receipt {
        }
    }

    Receipt receive(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            return new Receipt.Rejected(SetDeliveryError.INVALID_REQUEST, "not a signed JWT");
        }
        String issuer;
        try {
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            return new Receipt.Rejected(SetDeliveryError.INVALID_REQUEST, "claims are not JSON");
        }
        Optional<SecurityEventProperties.Transmitter> transmitter = properties.trustedTransmitters().stream()
                .filter(candidate -> candidate.issuer().equals(issuer)).findFirst();
        if (transmitter.isEmpty()) {
            return new Receipt.Rejected(SetDeliveryError.INVALID_ISSUER, "the issuer is not a bank this bank trusts");
        }
        JWTClaimsSet claims;
        try {
            claims = processor(transmitter.get()).process(jwt, null);
        } catch (BadJWTException e) {
            boolean audienceWrong = e.getMessage() != null && e.getMessage().contains("aud");
            return new Receipt.Rejected(audienceWrong ? SetDeliveryError.INVALID_AUDIENCE : SetDeliveryError.INVALID_REQUEST, e.getMessage());
        } catch (BadJOSEException e) {
            // a wrong type is a malformed request; a signature by no key of the issuer, an untrusted key
            boolean wrongType = e.getMessage() != null && e.getMessage().contains("typ");
            return wrongType ? new Receipt.Rejected(SetDeliveryError.INVALID_REQUEST, e.getMessage())
                    : new Receipt.Rejected(SetDeliveryError.INVALID_KEY, "the signature does not verify with the issuer's keys");
        } catch (JOSEException e) {
            return new Receipt.Rejected(SetDeliveryError.INVALID_KEY, "the issuer's keys cannot be used: " + e.getMessage());
        }
        Optional<Receipt> stale = stale(claims.getIssueTime().toInstant());
        if (stale.isPresent()) {
            return stale.get();
        }
        if (!(claims.getClaim("events") instanceof Map<?, ?> events) || events.isEmpty()) {
            return new Receipt.Rejected(SetDeliveryError.INVALID_REQUEST, "no events");
        }
        store(claims, events.keySet().stream().map(String::valueOf).sorted().toList());
        return new Receipt.Accepted(claims.getJWTID());
    }

    /** A token issued too long ago (replayed) or too far ahead of this bank's clock is refused. */
    private Optional<Receipt> stale(Instant issuedAt) {
        Instant now = clock.instant();
        if (issuedAt.isBefore(now.minus(properties.maxAge()))) {
            return Optional.of(new Receipt.Rejected(SetDeliveryError.INVALID_REQUEST, "issued too long ago (iat)"));
        }
        if (issuedAt.isAfter(now.plus(properties.maxClockSkew()))) {
            return Optional.of(new Receipt.Rejected(SetDeliveryError.INVALID_REQUEST, "issued in the future (iat)"));
        }
        return Optional.empty();
    }

    /** The latest received events, newest first (the console). */
    public List<ReceivedSecurityEvent> latest(int limit) {
        return jdbc.sql("select * from received_security_event order by received_at desc limit ?").param(limit)
                .query((rs, row) -> new ReceivedSecurityEvent(rs.getString("issuer"), rs.getString("jti"),
                        List.of((String[]) rs.getArray("event_types").getArray()),
                        JSON.readValue(rs.getString("claims"), new TypeReference<Map<String, Object>>() {
                        }), rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    private void store(JWTClaimsSet claims, List<String> eventTypes) {
        jdbc.sql("""
                insert into received_security_event (jti, issuer, event_types, claims, received_at)
                values (?, ?, ?, cast(? as jsonb), ?) on conflict (issuer, jti) do nothing
                """).params(claims.getJWTID(), claims.getIssuer(), eventTypes.toArray(String[]::new),
                JSON.writeValueAsString(claims.toJSONObject()), Timestamp.from(clock.instant())).update();
    }

    private DefaultJWTProcessor<SecurityContext> processor(SecurityEventProperties.Transmitter transmitter) {
        var processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(SecurityEventTokens.TYPE));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keysOf(transmitter)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(transmitter.issuer()).build(),
                Set.of("iss", "aud", "iat", "jti", "events")));
        return processor;
    }

    private JWKSource<SecurityContext> keysOf(SecurityEventProperties.Transmitter transmitter) {
        return keys.computeIfAbsent(transmitter.issuer(), issuer -> {
            try {
                return transmitter.jwks() != null ? new ImmutableJWKSet<>(JWKSet.parse(transmitter.jwks()))
                        : JWKSourceBuilder.create(URI.create(transmitter.jwksUri()).toURL()).build();
            } catch (ParseException | MalformedURLException e) {
                throw new IllegalStateException("the keys of trusted bank " + issuer + " are misconfigured", e);
            }
        });
    }

}
