package jp.kakehashi.authorization.fapi;

import java.util.Map;
import jp.kakehashi.authorization.client.TppRegisteredClientRepository;
import jp.kakehashi.authorization.error.AuthorizationErrorCode;
import jp.kakehashi.authorization.grant.GrantManagementRequest;
import jp.kakehashi.authorization.token.ResourceDpopProofs;
import jp.kakehashi.authorization.token.VerifiedDpopProof;
import jp.kakehashi.consent.Grants;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;

/**
 * Wraps Spring's authorization-code and refresh-token providers to add what FAPI 2.0 needs at the token endpoint:
 * <ul>
 * <li>only sender-constrained tokens (§5.3.2.1): a DPoP client must send a DPoP proof;</li>
 * <li>DPoP proof {@code jti}s are single-use across every node (RFC 9449 §11.1), not only per node as in Spring;</li>
 * <li>a code requested with {@code dpop_jkt} can only be redeemed with that key (RFC 9449 §10);</li>
 * <li>a refresh by a confidential client may be proven with a new key, and the new access token is bound to that
 * key: RFC 9449 §5 binds refresh tokens to the DPoP key only for public clients, since a confidential client
 * authenticates itself at every refresh (private_key_jwt or mTLS, B1), which lets it rotate its DPoP key; a public
 * client's refresh (none are registered today) must keep proving the key its access token is bound to;</li>
 * <li>where the bank requires it for the client, proofs carry a nonce the server issued (RFC 9449 §8);</li>
 * <li>the grant becomes active when its code is first redeemed.</li>
 * </ul>
 * The proof is verified once, here ({@link AuthorizationServerDpopProofs}: {@code htu} compared as RFC 9449 §4.3 asks,
 * through {@code DpopTargetUri} as at PAR and the resources; jti single-use in the whole cluster, §11.1), and handed
 * to Spring's provider as {@link VerifiedDpopProof} in place of {@code dpop_proof}: Spring's own verification, through
 * a decoder factory in a static field of its {@code DPoPProofVerifier} that no setting reaches, compares {@code htu}
 * as a string and keeps used jtis in each node's memory (at most 1,000 per key in 30 s, past which that node refused
 * the key), so it would refuse proofs RFC 9449 accepts and add nothing the shared check does not do.
 */
public final class SenderConstrainedTokenRequests implements AuthenticationProvider {

    private static final OAuth2TokenType CODE = new OAuth2TokenType("code");

    private final AuthenticationProvider delegate;
    private final OAuth2AuthorizationService authorizations;
    private final AuthorizationServerDpopProofs proofs;
    private final Grants grants;
    private final DpopNonces nonces;

    SenderConstrainedTokenRequests(AuthenticationProvider delegate, OAuth2AuthorizationService authorizations,
            ResourceDpopProofs proofs, Grants grants, DpopNonces nonces) {
        this.nonces = nonces;
        this.delegate = delegate;
        this.authorizations = authorizations;
        this.proofs = new AuthorizationServerDpopProofs(proofs);
        this.grants = grants;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        var grant = (OAuth2AuthorizationGrantAuthenticationToken) authentication;
        var client = (OAuth2ClientAuthenticationToken) grant.getPrincipal();
        boolean dpopClient = client.getRegisteredClient() != null && "dpop".equals(client.getRegisteredClient()
                .getClientSettings().getSetting(TppRegisteredClientRepository.SENDER_CONSTRAINT_SETTING));
        Jwt proof = verifiedProof(grant.getAdditionalParameters());
        if (dpopClient && proof == null) {
            throw error(OAuth2ErrorCodes.INVALID_DPOP_PROOF, "a DPoP proof is required: this client's tokens are DPoP-bound");
        }
        if (proof != null && Boolean.TRUE.equals(client.getRegisteredClient().getClientSettings()
                .getSetting(TppRegisteredClientRepository.DPOP_NONCE_SETTING)) && !nonces.isValid(proof.getClaimAsString("nonce"))) {
            throw error(AuthorizationErrorCode.USE_DPOP_NONCE.code(), "use the nonce in the DPoP-Nonce header of this response");
        }
        OAuth2Authorization authorization = null;
        if (grant instanceof OAuth2AuthorizationCodeAuthenticationToken code) {
            authorization = authorizations.findByToken(code.getCode(), CODE);
            requireBoundKey(authorization, proof);
        }
        if (proof != null && grant instanceof OAuth2RefreshTokenAuthenticationToken refresh
                && ClientAuthenticationMethod.NONE.equals(client.getClientAuthenticationMethod())) {
            requireSameKey(authorizations.findByToken(refresh.getRefreshToken(), OAuth2TokenType.REFRESH_TOKEN), proof);
        }
        Authentication result = delegate.authenticate(withVerifiedProof(grant, proof));
        if (authorization != null && result != null) {
            grants.activate(GrantManagementRequest.grantIdOf(authorization));
        }
        return result;
    }

    /**
     * Verifies the proof completely (RFC 9449 §4.3: signature, typ, htm, htu, iat within the skew, ES256 or PS256)
     * and only then records its jti, shared by every node and every endpoint (§11.1, B7), through
     * {@link ResourceDpopProofs}: a proof with a forged or absurd {@code iat} is refused before anything is stored.
     */
    private Jwt verifiedProof(Map<String, Object> parameters) {
        String proof = (String) parameters.get("dpop_proof");
        if (proof == null) {
            return null;
        }
        return proofs.verify(proof, (String) parameters.get("dpop_method"), (String) parameters.get("dpop_target_uri"));
    }

    /**
     * The request as Spring's provider gets it: the proof verified here in place of Spring's {@code dpop_proof}
     * ({@link VerifiedDpopProof}), so Spring does not verify it a second time with a check that compares {@code htu}
     * as a string and keeps used jtis in each node's memory; the access token is bound to the proof's key all the same.
     */
    private static Authentication withVerifiedProof(OAuth2AuthorizationGrantAuthenticationToken grant, Jwt proof) {
        Map<String, Object> parameters = VerifiedDpopProof.replacing(grant.getAdditionalParameters(), proof);
        var client = (Authentication) grant.getPrincipal();
        OAuth2AuthorizationGrantAuthenticationToken handed;
        if (grant instanceof OAuth2AuthorizationCodeAuthenticationToken code) {
            handed = new OAuth2AuthorizationCodeAuthenticationToken(code.getCode(), client, code.getRedirectUri(),
                    parameters);
        }
        else if (grant instanceof OAuth2RefreshTokenAuthenticationToken refresh) {
            handed = new OAuth2RefreshTokenAuthenticationToken(refresh.getRefreshToken(), client, refresh.getScopes(),
                    parameters);
        }
        else {
            return grant;
        }
        handed.setDetails(grant.getDetails());
        return handed;
    }

    private static void requireBoundKey(OAuth2Authorization authorization, Jwt proof) {
        if (authorization == null) {
            return;
        }
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        Object expected = request == null ? null : request.getAdditionalParameters().get("dpop_jkt");
        if (expected == null) {
            return;
        }
        if (proof == null || !expected.equals(thumbprint(proof))) {
            throw error(OAuth2ErrorCodes.INVALID_GRANT, "the DPoP key does not match dpop_jkt of the request");
        }
    }

    private static void requireSameKey(OAuth2Authorization authorization, Jwt proof) {
        if (authorization == null || authorization.getAccessToken() == null) {
            return; // Spring's provider refuses the unknown refresh token
        }
        Map<String, Object> claims = authorization.getAccessToken().getClaims();
        Object bound = claims != null && claims.get("cnf") instanceof Map<?, ?> cnf ? cnf.get("jkt") : null;
        if (bound != null && !bound.equals(thumbprint(proof))) {
            throw error(OAuth2ErrorCodes.INVALID_DPOP_PROOF, "the DPoP key is not the one this grant's tokens are bound to");
        }
    }

    private static String thumbprint(Jwt proof) {
        return AuthorizationServerDpopProofs.thumbprint(proof);
    }

    private static OAuth2AuthenticationException error(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
