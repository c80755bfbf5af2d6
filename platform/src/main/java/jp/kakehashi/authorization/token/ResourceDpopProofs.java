package jp.kakehashi.authorization.token;

import java.util.List;
import java.util.Set;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.DPoPProofJwtDecoderFactory;
import org.springframework.security.oauth2.jwt.DPoPProofReplayValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.DPoPAuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * How DPoP proofs are checked where the bank's resources are called (userinfo, the /v1 APIs), on top of Spring's
 * checks (RFC 9449 §4.3: typ, signature, htm, htu, iat, ath, key thumbprint, single use):
 * <ul>
 * <li>only ES256 and PS256, as at the token endpoint (FAPI 2.0 Security Profile §5.4.1); Spring alone would take any
 * RSA or EC algorithm, RS256 included;</li>
 * <li>a replay cache sized for a TPP's backend, which signs every customer's calls with the same key: Spring's
 * default refuses a key's 1001st proof within the 30-second window, about 33 calls a second per TPP, far below
 * what the per-TPP rate limits allow. Each node keeps its own cache; a proof is bound to its method, URL, access token
 * and 30 seconds, so a replay to another node is bounded by those.</li>
 * </ul>
 * Register with {@code oauth2ResourceServer(r -> r.withObjectPostProcessor(proofs))}.
 */
@Component
public class ResourceDpopProofs implements ObjectPostProcessor<DPoPAuthenticationProvider> {

    static final Set<String> ALGORITHMS = Set.of("ES256", "PS256");
    private static final int MAX_PROOFS_PER_KEY = 200_000;
    private static final int MAX_PROOFS = 1_000_000;

    private final DPoPProofJwtDecoderFactory proofs = new DPoPProofJwtDecoderFactory();

    ResourceDpopProofs() {
        var cache = new DPoPProofReplayValidator.InMemoryCache();
        cache.setMaxRequestsPerKey(MAX_PROOFS_PER_KEY);
        cache.setMaxSize(MAX_PROOFS);
        proofs.setJwtValidatorFactory(DPoPProofJwtDecoderFactory.createDefaultJwtValidatorFactory(
                List.of(new DPoPProofReplayValidator(cache), ResourceDpopProofs::allowedAlgorithm)));
    }

    @Override
    public <O extends DPoPAuthenticationProvider> O postProcess(O provider) {
        provider.setDPoPProofVerifierFactory(proofs);
        return provider;
    }

    static OAuth2TokenValidatorResult allowedAlgorithm(Jwt proof) {
        Object algorithm = proof.getHeaders().get("alg");
        return algorithm != null && ALGORITHMS.contains(algorithm.toString()) ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_dpop_proof",
                        "DPoP proofs must be signed with ES256 or PS256", null));
    }
}
