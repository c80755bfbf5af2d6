package jp.kakehashi.authorization.fapi;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import jp.kakehashi.authorization.replay.JtiKind;
import jp.kakehashi.authorization.replay.SeenJtis;
import jp.kakehashi.authorization.signing.RegisteredClientKeys;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Verifies {@code private_key_jwt} client assertions the way FAPI 2.0 (final, §5.3.2.1 and RFC 7523bis) requires,
 * replacing Spring's factory, which accepts the token endpoint URL as audience and keeps no record of {@code jti}s:
 * PS256, ES256 or EdDSA only; {@code aud} exactly the issuer identifier, as a JSON string (§5.3.2.1 item 8: "as a
 * string in the aud claim", so not even a one-element array); {@code iss} and {@code sub} the client id;
 * {@code exp} present and at most an hour ahead; {@code iat}/{@code nbf} at most 60 s in the future; and every
 * {@code jti} used once across all nodes.
 * <p>
 * The signature is checked with the client's registered keys by {@link RegisteredClientKeys}, as request objects
 * are: Nimbus' {@code JWSVerificationKeySelector}, which Spring's decoder uses, hands over {@code java.security}
 * keys, which Ed25519 keys cannot be, so an EdDSA assertion could never verify through it.
 */
public final class ClientAssertionDecoderFactory implements JwtDecoderFactory<RegisteredClient> {

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);
    private static final Duration FUTURE_SKEW = Duration.ofSeconds(60);
    private static final Duration MAX_LIFETIME = Duration.ofHours(1);

    private final String issuer;
    private final SeenJtis seenJtis;
    private final Clock clock;

    ClientAssertionDecoderFactory(String issuer, SeenJtis seenJtis, Clock clock) {
        this.issuer = issuer;
        this.seenJtis = seenJtis;
        this.clock = clock;
    }

    @Override
    public JwtDecoder createDecoder(RegisteredClient client) {
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(new SignedByTheClient(client));
        decoder.setJwtValidator(validator(client.getClientId()));
        return assertion -> {
            requireAudienceString(assertion);
            return decoder.decode(assertion);
        };
    }

    /**
     * Nimbus and Spring both turn {@code "aud":"x"} and {@code "aud":["x"]} into the same list, so the form FAPI 2.0
     * final insists on (a string) can only be seen in the assertion's own JSON. Only the form is checked here, before
     * the signature; the value is checked with the other claims after it.
     */
    private static void requireAudienceString(String assertion) {
        Object audience;
        try {
            audience = com.nimbusds.jose.JWSObject.parse(assertion).getPayload().toJSONObject().get("aud");
        }
        catch (ParseException | RuntimeException e) {
            throw new BadJwtException("the client assertion is not a signed JWT");
        }
        if (!(audience instanceof String)) {
            throw new BadJwtException("aud must be the issuer identifier as a string");
        }
    }

    /**
     * Nimbus' processor with the signature check replaced: PS256, ES256 or EdDSA, verified with one of the client's
     * keys. Unsigned and encrypted assertions stay refused by Nimbus; the claims are checked by {@link #validator}
     * with errors we control, since Nimbus' own claims verifier would accept what FAPI 2.0 refuses.
     */
    private static final class SignedByTheClient extends DefaultJWTProcessor<SecurityContext> {

        private final RegisteredClient client;

        SignedByTheClient(RegisteredClient client) {
            this.client = client;
        }

        @Override
        public JWTClaimsSet process(SignedJWT assertion, SecurityContext context)
                throws BadJOSEException, JOSEException {
            getJWSTypeVerifier().verify(assertion.getHeader().getType(), context);
            if (!ALGORITHMS.contains(assertion.getHeader().getAlgorithm())) {
                throw new BadJOSEException("the client assertion must be signed with PS256, ES256 or EdDSA");
            }
            if (RegisteredClientKeys.verify(assertion, client) != RegisteredClientKeys.Verification.VERIFIED) {
                throw new BadJOSEException("the client assertion's signature does not verify with the client's keys");
            }
            try {
                return assertion.getJWTClaimsSet();
            }
            catch (ParseException e) {
                throw new BadJWTException("the client assertion's claims are not a JSON object", e);
            }
        }
    }

    private OAuth2TokenValidator<Jwt> validator(String clientId) {
        return jwt -> {
            Instant now = clock.instant();
            String problem = problem(jwt, clientId, now);
            if (problem != null) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, problem, null));
            }
            if (!seenJtis.firstUse(JtiKind.CLIENT_ASSERTION, clientId, jwt.getId(), jwt.getExpiresAt())) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
                        "client assertion jti was already used", null));
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    private String problem(Jwt jwt, String clientId, Instant now) {
        if (!clientId.equals(jwt.getClaimAsString("iss")) || !clientId.equals(jwt.getSubject())) {
            return "iss and sub must be the client_id";
        }
        List<String> audience = jwt.getAudience();
        if (audience == null || audience.size() != 1 || !issuer.equals(audience.get(0))) {
            return "aud must be the issuer identifier " + issuer;
        }
        if (jwt.getExpiresAt() == null || !now.isBefore(jwt.getExpiresAt())) {
            return "exp is missing or in the past";
        }
        if (jwt.getExpiresAt().isAfter(now.plus(MAX_LIFETIME))) {
            return "exp is too far in the future";
        }
        if (jwt.getIssuedAt() != null && jwt.getIssuedAt().isAfter(now.plus(FUTURE_SKEW))
                || jwt.getNotBefore() != null && jwt.getNotBefore().isAfter(now.plus(FUTURE_SKEW))) {
            return "iat or nbf is in the future";
        }
        if (jwt.getId() == null || jwt.getId().isBlank()) {
            return "jti is required";
        }
        return null;
    }
}
