package jp.kakehashi.authorization.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import jp.kakehashi.shared.ApiFilterOrder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps, for the consent record (D5), what the consent page put before the customer: the exact HTML document sent
 * (its bytes as they left the application) and its SHA-256, the template version, the confirmation text, and for
 * which client and rights it was rendered. They are kept in the customer's session (shared by every node through
 * Spring Session) under the client and the authorization request's {@code state} together, so a page rendered for
 * another client with the same state cannot take its place, and taken when the customer agrees
 * ({@link ConsentDecisions}), which checks that the page showed every right it grants; a page rendered again for the
 * same request (another language) replaces the earlier one, as the customer then saw that. The page is kept whole
 * because its hash alone could never be checked: it holds values of its moment (a masked CSRF token, of a session
 * that ends; the time) that no later rendering reproduces.
 */
@Component
@Order(ApiFilterOrder.CONSENT_PAGES)
class RenderedConsentPages extends OncePerRequestFilter {

    private static final String PREFIX = RenderedConsentPages.class.getName() + ".";
    /** The request attribute where the consent page's controller leaves the confirmation text it rendered. */
    static final String CONFIRMATION = PREFIX + "confirmation";

    private final ConsentTemplateVersion template;

    RenderedConsentPages(ConsentTemplateVersion template) {
        this.template = template;
    }

    /**
     * A page as rendered.
     *
     * @param clientId the client whose request it showed
     * @param scopes   the rights it showed, as the page's {@code scope} parameter listed them
     * @param page     the HTML document's bytes as sent
     */
    record Rendered(String clientId, Set<String> scopes, byte[] page, String pageSha256, String templateVersion,
            String confirmationText) implements Serializable {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !"/consent".equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var page = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, page);
            String state = request.getParameter("state");
            String clientId = request.getParameter("client_id");
            String scope = request.getParameter("scope");
            Object confirmation = request.getAttribute(CONFIRMATION);
            HttpSession session = request.getSession(false);
            if (page.getStatus() == HttpServletResponse.SC_OK && state != null && clientId != null && scope != null
                    && confirmation != null && session != null) {
                byte[] sent = page.getContentAsByteArray();
                session.setAttribute(key(clientId, state), new Rendered(clientId,
                        Set.copyOf(Arrays.asList(scope.trim().split("\\s+"))), sent, sha256(sent),
                        template.version(), confirmation.toString()));
            }
        }
        finally {
            page.copyBodyToResponse();
        }
    }

    /**
     * The page last rendered for the client's authorization request with this state, in this request's session;
     * removed.
     */
    static Optional<Rendered> take(String clientId, String state) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || state == null || clientId == null) {
            return Optional.empty();
        }
        Object rendered = request.getAttribute(key(clientId, state), RequestAttributes.SCOPE_SESSION);
        if (rendered != null) {
            request.removeAttribute(key(clientId, state), RequestAttributes.SCOPE_SESSION);
        }
        return Optional.ofNullable((Rendered) rendered).filter(r -> r.clientId().equals(clientId));
    }

    private static String key(String clientId, String state) {
        // the client id is registered (no spaces); the state is Spring's, opaque: the pair names one request
        return PREFIX + clientId + " " + state;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
