package jp.kakehashi.authorization.fapi;

import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.ParseException;
import jp.kakehashi.authorization.error.AuthorizationErrorCode;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.Tpps;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Server-provided DPoP nonces at the bank's resources (RFC 9449 §9: the {@code /v1} API, userinfo, grant
 * management) for the clients the bank requires them of ({@link TppClient#dpopNonceRequired()}, set by the bank or at
 * dynamic registration). A call whose proof carries no nonce the server issued is refused with 401
 * {@code use_dpop_nonce} in the resource's own DPoP challenge and a fresh nonce in {@code DPoP-Nonce}; a successful
 * call whose proof carried an older nonce than the current one gets the current one in {@code DPoP-Nonce} (§8.2), so a
 * client following the header is never refused for a stale nonce. Clients without the requirement are not affected.
 * <p>
 * The nonces are those of the token endpoint ({@link DpopNonces}: a MAC of the minute under the master key), so a nonce
 * one node issued is accepted by every other, and the requirement is read from the shared database on each call:
 * nothing rests on one node's memory.
 * <p>
 * Runs in each resource chain after Spring has verified the access token and its proof
 * ({@code jp.kakehashi.authorization.token.ResourceDpopProofs}), so only a valid proof of the token's key is asked for a
 * nonce.
 */
@Component
public class ResourceDpopNonces {

    private final DpopNonces nonces;
    private final Tpps tpps;

    ResourceDpopNonces(DpopNonces nonces, Tpps tpps) {
        this.nonces = nonces;
        this.tpps = tpps;
    }

    /**
     * The filter of one resource chain; {@code dpopChallenge} writes that resource's DPoP challenge (and body) for the
     * refusal. Add it before Spring's {@code AuthorizationFilter}, after the authentication filters.
     */
    public OncePerRequestFilter filter(AuthenticationEntryPoint dpopChallenge) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if (requiresNonce(request)) {
                    String nonce = nonceOf(request.getHeader("DPoP"));
                    if (!nonces.isValid(nonce)) {
                        response.setHeader(DpopNonces.HEADER, nonces.current());
                        dpopChallenge.commence(request, response, AuthorizationErrorCode.USE_DPOP_NONCE.exception(
                                "the resource server requires a nonce in the DPoP proof: use the one in "
                                        + DpopNonces.HEADER));
                        return;
                    }
                    String current = nonces.current();
                    if (!current.equals(nonce)) {
                        response.setHeader(DpopNonces.HEADER, current);
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** A call authenticated with a DPoP-bound access token of a client that must use nonces. */
    private boolean requiresNonce(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "DPoP ", 0, 5)) {
            return false;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return false;
        }
        String clientId = token.getToken().getClaimAsString("client_id");
        return clientId != null && tpps.findClient(clientId).map(TppClient::dpopNonceRequired).orElse(false);
    }

    /** The proof's {@code nonce}; the proof itself has been verified already. */
    private static String nonceOf(String proof) {
        try {
            return proof == null ? null : SignedJWT.parse(proof).getJWTClaimsSet().getStringClaim("nonce");
        }
        catch (ParseException e) {
            return null;
        }
    }
}
