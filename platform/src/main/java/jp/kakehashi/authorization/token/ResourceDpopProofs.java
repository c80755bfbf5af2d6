package jp.kakehashi.authorization.token;

import java.time.Clock;
import java.util.List;
import jp.kakehashi.authorization.replay.SeenJtis;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.DPoPProofContext;
import org.springframework.security.oauth2.jwt.DPoPProofJwtDecoderFactory;
import org.springframework.security.oauth2.jwt.DPoPProofReplayValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.DPoPAuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * How DPoP proofs are checked where the bank's resources are called (userinfo, the /v1 APIs), on top of Spring's
 * checks (RFC 9449 §4.3: typ, signature, htm, htu, iat, ath, key thumbprint, single use):
 * <ul>
 * <li>{@code htu} compared after normalisation and without query and fragment ({@link DpopTargetUri}), as at PAR and
 * the token endpoint;</li>
 * <li>only ES256 and PS256, as at the token endpoint (FAPI 2.0 Security Profile §5.4.1); Spring alone would take any
 * RSA or EC algorithm, RS256 included;</li>
 * <li>single use across all nodes (RFC 9449 §11.1, B7): Spring's replay check keeps its jtis in {@link SeenJtis}
 * (PostgreSQL) instead of each node's memory, so a proof used on one node is refused on every other one, even for
 * another body of the same method and URL (a second transfer). The shared store also has no per-key ceiling, where
 * Spring's in-memory cache refused a key's 1001st proof within its 30-second window, about 33 calls a second for a
 * TPP backend that signs every customer's calls with one key.</li>
 * </ul>
 * Register with {@code oauth2ResourceServer(r -> r.withObjectPostProcessor(proofs))}.
 */
@Component
public class ResourceDpopProofs implements ObjectPostProcessor<DPoPAuthenticationProvider> {

    /** The algorithms a proof may be signed with, in the order the challenge names them (RFC 9449 §7.1). */
    public static final List<String> ALGORITHMS = List.of("ES256", "PS256");

    private final DPoPProofJwtDecoderFactory proofs = new DPoPProofJwtDecoderFactory();

    ResourceDpopProofs(SeenJtis seenJtis, Clock clock) {
        var singleUse = new DPoPProofReplayValidator(new SharedDpopReplayCache(seenJtis));
        singleUse.setClock(clock);
        var defaults = DPoPProofJwtDecoderFactory.createDefaultJwtValidatorFactory(
                List.of(singleUse, ResourceDpopProofs::allowedAlgorithm));
        proofs.setJwtValidatorFactory(context -> normalisedHtu(context, defaults.apply(context)));
    }

    /**
     * RFC 9449 §4.3 check 9 through {@link DpopTargetUri}: Spring's own {@code htu} check is a string comparison, which
     * refuses a proof whose {@code htu} carries a query, a fragment, an upper-case scheme or host, or the default port.
     * The proof's {@code htu} is compared here; when it names the request's URI, Spring's checks (which include its
     * {@code htu} comparison and, last, the replay check) see the request's URI in its place. The signature has been
     * verified before any validator runs, so nothing but the comparison is relaxed.
     */
    static OAuth2TokenValidator<Jwt> normalisedHtu(DPoPProofContext context, OAuth2TokenValidator<Jwt> spring) {
        return proof -> {
            if (!DpopTargetUri.matches(proof.getClaimAsString("htu"), context.getTargetUri())) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_DPOP_PROOF,
                        "htu claim is invalid.", null));
            }
            return spring.validate(Jwt.withTokenValue(proof.getTokenValue())
                    .headers(headers -> headers.putAll(proof.getHeaders()))
                    .claims(claims -> {
                        claims.putAll(proof.getClaims());
                        claims.put("htu", context.getTargetUri());
                    }).build());
        };
    }

    /**
     * Verifies a proof sent to the authorization server's own endpoints (token, PAR) as the resources verify theirs (signature with the header's key,
     * {@code typ}, {@code htm}, {@code htu}, {@code iat} within Spring's 30-second skew, ES256 or PS256) and only then
     * records its jti in {@link SeenJtis} (RFC 9449 §4.3 steps 1–11 before §11.1): a proof that fails any check, or
     * whose {@code iat} is far off, is never recorded, so no caller can make the shared store remember a row beyond
     * a proof's short life.
     *
     * @throws org.springframework.security.oauth2.jwt.JwtException when the proof is refused, the reason in its
     *                                                            message
     */
    public Jwt verify(String proof, String method, String targetUri) {
        return proofs.createDecoder(DPoPProofContext.withDPoPProof(proof).method(method).targetUri(targetUri).build())
                .decode(proof);
    }

    @Override
    public <O extends DPoPAuthenticationProvider> O postProcess(O provider) {
        provider.setDPoPProofVerifierFactory(proofs);
        return provider;
    }

    static OAuth2TokenValidatorResult allowedAlgorithm(Jwt proof) {
        Object algorithm = proof.getHeaders().get("alg");
        return algorithm != null && ALGORITHMS.contains(algorithm.toString()) ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_DPOP_PROOF,
                        "DPoP proofs must be signed with ES256 or PS256", null));
    }
}
