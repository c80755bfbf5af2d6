package jp.kakehashi.authorization.signing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kakehashi.authorization.error.AuthorizationErrorCode;
import jp.kakehashi.authorization.replay.JtiKind;
import jp.kakehashi.authorization.replay.SeenJtis;
import jp.kakehashi.tpp.ClientMessageSigning;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Verifies a request object sent to the PAR endpoint (RFC 9101, FAPI 2.0 Message Signing §5.3.1): a JWS (never
 * {@code none}, never encrypted) with PS256, ES256 or EdDSA, or only the algorithm the client registered
 * ({@code request_object_signing_alg}), verified with a key the client registered; {@code iss} and {@code client_id}
 * the authenticated client; {@code aud} the issuer identifier or an array holding it; {@code nbf} present and at
 * most 60 minutes in the past; {@code exp} present, in the future and at most 60 minutes after {@code nbf}; a
 * {@code jti}, when sent, used once across all nodes. Anything else is {@code invalid_request_object} (RFC 9101
 * §6.2).
 */
final class RequestObjectVerifier {

    /** Message Signing §5.3.1: the lifetime from nbf to exp, and how far nbf may lie in the past. */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(60);
    /** A clock a little ahead at the client is tolerated, as for client assertions. */
    private static final Duration FUTURE_SKEW = Duration.ofSeconds(60);
    /** RFC 9101 §10.8 names the media type; JWT and no typ at all are what most libraries send. */
    private static final Set<JOSEObjectType> TYPES = Set.of(new JOSEObjectType("oauth-authz-req+jwt"),
            JOSEObjectType.JWT);

    private final String issuer;
    private final SeenJtis seenJtis;
    private final Clock clock;

    RequestObjectVerifier(String issuer, SeenJtis seenJtis, Clock clock) {
        this.issuer = issuer;
        this.seenJtis = seenJtis;
        this.clock = clock;
    }

    /** The request object's claims, once every rule holds. */
    JWTClaimsSet verify(String requestObject, RegisteredClient client) {
        SignedJWT signed = signed(requestObject);
        Set<JWSAlgorithm> algorithms = algorithmsOf(ClientSigningSettings.of(client));
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        if (!algorithms.contains(alg)) {
            throw invalid("the request object is signed with " + alg + "; accepted: "
                    + algorithms.stream().map(JWSAlgorithm::getName).sorted().collect(Collectors.joining(", ")));
        }
        JOSEObjectType type = signed.getHeader().getType();
        if (type != null && !TYPES.contains(type)) {
            throw invalid("the request object's typ " + type + " is not a request object's");
        }
        JWTClaimsSet claims = verifySignature(signed, client);
        checkClaims(claims, client.getClientId());
        if (claims.getJWTID() != null && !seenJtis.firstUse(JtiKind.REQUEST_OBJECT, client.getClientId(),
                SeenJtis.digest(claims.getJWTID()), claims.getExpirationTime().toInstant())) {
            throw invalid("the request object's jti was already used");
        }
        return claims;
    }

    private static SignedJWT signed(String requestObject) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(requestObject);
        }
        catch (ParseException e) {
            throw invalid("the request object is not a JWT");
        }
        if (jwt instanceof SignedJWT signed) {
            return signed;
        }
        throw invalid("the request object must be signed (JWS); unsigned and encrypted ones are not accepted");
    }

    private static Set<JWSAlgorithm> algorithmsOf(ClientMessageSigning signing) {
        return signing.requestObjectSigningAlg() != null ? Set.of(JWSAlgorithm.parse(signing.requestObjectSigningAlg()))
                : ClientMessageSigning.REQUEST_OBJECT_ALGORITHMS.stream().map(JWSAlgorithm::parse)
                        .collect(Collectors.toUnmodifiableSet());
    }

    /** The claims, once one of the client's keys verifies the signature (Ed25519 too: {@link RegisteredClientKeys}). */
    private static JWTClaimsSet verifySignature(SignedJWT signed, RegisteredClient client) {
        switch (RegisteredClientKeys.verify(signed, client)) {
            case NO_KEYS -> throw invalid("the client registered no keys to verify request objects with");
            case UNREADABLE_KEYS -> throw invalid("the client's registered keys cannot be read");
            case NOT_VERIFIED -> throw invalid(
                    "the request object's signature does not verify with the client's registered keys");
            case VERIFIED -> {
            }
        }
        try {
            return signed.getJWTClaimsSet();
        }
        catch (ParseException e) {
            throw invalid("the request object's claims are not a JSON object");
        }
    }

    private void checkClaims(JWTClaimsSet claims, String clientId) {
        Instant now = clock.instant();
        if (!clientId.equals(claims.getIssuer())) {
            throw invalid("iss must be the client_id");
        }
        Object claimedClientId = claims.getClaim("client_id");
        if (!clientId.equals(claimedClientId)) {
            throw invalid("client_id must be the authenticated client");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(issuer)) {
            throw invalid("aud must be, or contain, the issuer identifier " + issuer);
        }
        Instant notBefore = instant(claims.getNotBeforeTime());
        Instant expires = instant(claims.getExpirationTime());
        if (notBefore == null) {
            throw invalid("nbf is required");
        }
        if (expires == null) {
            throw invalid("exp is required");
        }
        if (notBefore.isBefore(now.minus(MAX_LIFETIME))) {
            throw invalid("nbf is more than 60 minutes in the past");
        }
        if (notBefore.isAfter(now.plus(FUTURE_SKEW))) {
            throw invalid("nbf is in the future");
        }
        if (expires.isAfter(notBefore.plus(MAX_LIFETIME))) {
            throw invalid("exp is more than 60 minutes after nbf");
        }
        if (!now.isBefore(expires)) {
            throw invalid("the request object has expired");
        }
        // nbf may be a little ahead, so exp could be too: the shared replay store keeps jtis for an hour at most
        if (expires.isAfter(now.plus(MAX_LIFETIME))) {
            throw invalid("exp is more than 60 minutes ahead");
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static OAuth2AuthenticationException invalid(String description) {
        return AuthorizationErrorCode.INVALID_REQUEST_OBJECT.exception(description);
    }
}
