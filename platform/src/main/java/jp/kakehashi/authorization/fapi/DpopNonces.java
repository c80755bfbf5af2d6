package jp.kakehashi.authorization.fapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import jp.kakehashi.authorization.keys.ServerSecrets;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Server-provided DPoP nonces (RFC 9449 §8), which limit how long a stolen or pre-generated proof is worth anything.
 * A nonce is a MAC of the current minute, so every node makes and accepts the same ones without shared state; the
 * previous minute's nonce stays valid to avoid a race at the boundary. Every response of the token and PAR endpoints
 * carries the current nonce in {@code DPoP-Nonce} (RFC 9449 §8, §10.1: PAR takes DPoP proofs too); the resources use
 * the same nonces ({@link ResourceDpopNonces}, §9).
 */
@Component
public class DpopNonces extends OncePerRequestFilter {

    /** The response header carrying the nonce to use (RFC 9449 §8.1). */
    public static final String HEADER = "DPoP-Nonce";

    /** The endpoints of the authorization server that take DPoP proofs (token, PAR). */
    private static final java.util.Set<String> ENDPOINTS = java.util.Set.of("/oauth2/token", "/oauth2/par");
    private static final long WINDOW_SECONDS = 60;

    private final ServerSecrets secrets;
    private final Clock clock;

    DpopNonces(ServerSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    public String current() {
        return of(window());
    }

    public boolean isValid(String nonce) {
        if (nonce == null) {
            return false;
        }
        long window = window();
        return equal(nonce, of(window)) || equal(nonce, of(window - 1));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ENDPOINTS.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, current());
        chain.doFilter(request, response);
    }

    private long window() {
        return clock.instant().getEpochSecond() / WINDOW_SECONDS;
    }

    private String of(long window) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secrets.mac("dpop-nonce", Long.toString(window)));
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(), b.getBytes());
    }
}
