package jp.kakehashi.authorization.fapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import jp.kakehashi.shared.ErrorResponses;
import jp.kakehashi.tpp.OAuthClientLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * F4 at the authorization server: each request a client makes to an endpoint that authenticates it (token, PAR,
 * introspection, revocation) counts against that client's cluster-wide limit ({@code kakehashi.rate-limit.per-client})
 * once its authentication succeeded, so no one can use up another client's limit by naming it. Over the limit:
 * {@code 429}, {@code Retry-After} and an OAuth error body ({@code temporarily_unavailable}, RFC 6749 §4.1.2.1, the
 * code the OAuth registry has for an overloaded server), before the endpoint does anything. It also keeps each client
 * well below the 1,000 proofs a DPoP key may present per window to Spring's node-local proof cache at the token
 * endpoint (see {@link SenderConstrainedTokenRequests}).
 * <p>
 * Added to the authorization server's chain before its {@code AuthorizationFilter}: after client authentication, and
 * before the endpoint filters, which Spring places after it.
 */
public final class ClientRequestLimit extends OncePerRequestFilter {

    private final OAuthClientLimits limits;

    public ClientRequestLimit(OAuthClientLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        Optional<Long> wait = authentication instanceof OAuth2ClientAuthenticationToken client
                && client.isAuthenticated() && client.getRegisteredClient() != null
                ? limits.takeForClient(client.getRegisteredClient().getClientId()) : Optional.empty();
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.get() + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ErrorResponses.write(response, 429, ErrorResponses.oauth(OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE,
                "too many requests from this client; retry after Retry-After seconds"));
    }
}
