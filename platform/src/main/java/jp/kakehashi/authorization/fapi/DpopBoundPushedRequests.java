package jp.kakehashi.authorization.fapi;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakehashi.authorization.client.TppRegisteredClientRepository;
import jp.kakehashi.authorization.error.AuthorizationErrorCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2PushedAuthorizationRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A {@code DPoP} header at the PAR endpoint (RFC 9449 §10.1): the proof is verified as at the token endpoint
 * ({@link AuthorizationServerDpopProofs}: signature, {@code typ}, ES256/PS256, {@code htm} POST, {@code htu} the PAR
 * endpoint, {@code iat} window, single-use {@code jti} in the shared store), and the request is bound to the proof's
 * key exactly as a {@code dpop_jkt} parameter binds it (§10): the code it leads to can only be redeemed with that key.
 * With both, the thumbprint of the proof's key must be {@code dpop_jkt}.
 * <p>
 * A mismatch is refused with {@code invalid_dpop_proof} rather than {@code invalid_request}: §10.1 requires the
 * request to be refused without fixing the code, and {@code invalid_dpop_proof} is the code it gives for a proof the
 * PAR endpoint does not accept; a proof for another key than {@code dpop_jkt} does not prove possession of the key the
 * request names, and a client handles the code already for every other proof failure. Wraps Spring's PAR request converter, which runs after client authentication, so only an authenticated
 * client's proofs reach the shared replay store.
 * <p>
 * A client the bank requires DPoP nonces of ({@link TppRegisteredClientRepository#DPOP_NONCE_SETTING}) must put a
 * nonce the server issued in a proof it sends here, as at the token endpoint: otherwise 400 {@code use_dpop_nonce},
 * the nonce to use being in the {@code DPoP-Nonce} header of every PAR response ({@link DpopNonces}; RFC 9449 §8,
 * §10.1). A PAR request without a proof stays allowed: the proof at PAR is optional (§10.1).
 */
final class DpopBoundPushedRequests implements AuthenticationConverter {

    static final String DPOP_JKT = "dpop_jkt";

    private final AuthenticationConverter delegate;
    private final AuthorizationServerDpopProofs proofs;
    private final DpopNonces nonces;

    DpopBoundPushedRequests(AuthenticationConverter delegate, AuthorizationServerDpopProofs proofs, DpopNonces nonces) {
        this.delegate = delegate;
        this.proofs = proofs;
        this.nonces = nonces;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication converted = delegate.convert(request);
        List<String> headers = Collections.list(request.getHeaders("DPoP"));
        if (headers.isEmpty() || !(converted instanceof OAuth2PushedAuthorizationRequestAuthenticationToken pushed)) {
            return converted;
        }
        if (headers.size() > 1) {
            throw AuthorizationServerDpopProofs.invalid("exactly one DPoP header is allowed (RFC 9449 §4.3)");
        }
        Jwt proof = proofs.verify(headers.getFirst(), request.getMethod(), request.getRequestURL().toString());
        if (requiresNonce(pushed) && !nonces.isValid(proof.getClaimAsString("nonce"))) {
            throw AuthorizationErrorCode.USE_DPOP_NONCE.exception(
                    "this client's DPoP proofs must carry the nonce in the DPoP-Nonce header of this response");
        }
        String thumbprint = AuthorizationServerDpopProofs.thumbprint(proof);
        Map<String, Object> parameters = new LinkedHashMap<>(pushed.getAdditionalParameters());
        Object requested = parameters.putIfAbsent(DPOP_JKT, thumbprint);
        if (requested != null && !thumbprint.equals(requested)) {
            throw AuthorizationServerDpopProofs.invalid("the DPoP proof's key is not the one dpop_jkt names");
        }
        return new OAuth2PushedAuthorizationRequestAuthenticationToken(pushed.getAuthorizationUri(),
                pushed.getClientId(), (Authentication) pushed.getPrincipal(), pushed.getRedirectUri(),
                pushed.getState(), pushed.getScopes(), parameters);
    }

    private static boolean requiresNonce(OAuth2PushedAuthorizationRequestAuthenticationToken pushed) {
        return pushed.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                && client.getRegisteredClient() != null && Boolean.TRUE.equals(client.getRegisteredClient()
                        .getClientSettings().getSetting(TppRegisteredClientRepository.DPOP_NONCE_SETTING));
    }
}
