package jp.kakehashi.authorization.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.kakehashi.authorization.customer.CustomerAuthentication;
import jp.kakehashi.authorization.policy.ScopePolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Step-up before consent (B3, B4): when the pushed request asks for rights that need a stronger sign-in than the
 * customer has (e.g. transfers need a second factor), the customer is sent to the second-factor page first and
 * comes back to the same authorization request afterwards. Runs just before Spring's authorization endpoint.
 */
@Component
public class StepUpRequired extends OncePerRequestFilter {

    private static final OAuth2TokenType STATE = new OAuth2TokenType("state");
    private static final String REQUEST_URI_PREFIX = "urn:ietf:params:oauth:request_uri:";

    private final OAuth2AuthorizationService authorizations;
    private final ScopePolicy policy;
    private final RequestCache requests = new HttpSessionRequestCache();

    StepUpRequired(OAuth2AuthorizationService authorizations, ScopePolicy policy) {
        this.authorizations = authorizations;
        this.policy = policy;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("GET".equals(request.getMethod()) || "POST".equals(request.getMethod()))
                || !request.getRequestURI().equals("/oauth2/authorize") || request.getParameter("request_uri") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CustomerAuthentication customer
                && !customer.acr().satisfies(requiredLevel(request.getParameter("request_uri"), customer))) {
            if ("POST".equals(request.getMethod())) {
                // an authorization request may come as a form post (OIDC Core §3.1.2.1); the saved request can only
                // replay a GET, so the browser is sent to the same request as a GET, which then steps up
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", UriComponentsBuilder.fromPath("/oauth2/authorize")
                        .queryParam("client_id", request.getParameter("client_id"))
                        .queryParam("request_uri", request.getParameter("request_uri")).encode().build()
                        .toUriString());
                return;
            }
            requests.saveRequest(request, response);
            response.sendRedirect("/login/otp");
            return;
        }
        chain.doFilter(request, response);
    }

    private jp.kakehashi.authorization.customer.AuthenticationLevel requiredLevel(String requestUri,
            CustomerAuthentication customer) {
        if (!requestUri.startsWith(REQUEST_URI_PREFIX)) {
            return customer.acr();
        }
        var pushed = authorizations.findByToken(requestUri.substring(REQUEST_URI_PREFIX.length()), STATE);
        OAuth2AuthorizationRequest authorizationRequest = pushed == null ? null
                : pushed.getAttribute(OAuth2AuthorizationRequest.class.getName());
        if (authorizationRequest == null || !authorizationRequest.getScopes().stream().allMatch(policy::isKnown)) {
            return customer.acr(); // Spring answers the invalid request itself
        }
        return policy.decide(authorizationRequest.getScopes(), customer.segment()).requiredLevel();
    }
}
