package jp.kakehashi.authorization.fapi;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import jp.kakehashi.authorization.client.TppRegisteredClientRepository;
import jp.kakehashi.authorization.replay.JtiKind;
import jp.kakehashi.authorization.replay.SeenJtis;
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
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keysOf(client)));
        // claims are checked below with errors we control; Nimbus' own verifier would also accept what FAPI rejects
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
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

    private static JWKSource<SecurityContext> keysOf(RegisteredClient client) {
        String jwks = client.getClientSettings().getSetting(TppRegisteredClientRepository.JWKS_SETTING);
        try {
            if (jwks != null) {
                return new com.nimbusds.jose.jwk.source.ImmutableJWKSet<>(JWKSet.parse(jwks));
            }
            String url = client.getClientSettings().getJwkSetUrl();
            if (url == null) {
                throw new BadJwtException("the client has no registered keys");
            }
            return JWKSourceBuilder.create(URI.create(url).toURL()).build();
        }
        catch (ParseException | MalformedURLException e) {
            throw new BadJwtException("the client's registered keys cannot be read");
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
