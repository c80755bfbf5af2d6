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
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps, for the consent record (D5), what the consent page put before the customer: the SHA-256 of the exact HTML
 * document sent (its bytes as they left the application), the template version and the confirmation text. They are
 * kept in the customer's session (shared by every node through Spring Session) under the authorization request's
 * {@code state}, and taken when the customer agrees ({@link ConsentDecisions}); a page rendered again (another
 * language) replaces the earlier one, as the customer then saw that.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class RenderedConsentPages extends OncePerRequestFilter {

    private static final String PREFIX = RenderedConsentPages.class.getName() + ".";
    /** The request attribute where the consent page's controller leaves the confirmation text it rendered. */
    static final String CONFIRMATION = PREFIX + "confirmation";

    private final ConsentTemplateVersion template;

    RenderedConsentPages(ConsentTemplateVersion template) {
        this.template = template;
    }

    /** A page as rendered. */
    record Rendered(String pageSha256, String templateVersion, String confirmationText) implements Serializable {
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
            Object confirmation = request.getAttribute(CONFIRMATION);
            HttpSession session = request.getSession(false);
            if (page.getStatus() == HttpServletResponse.SC_OK && state != null && confirmation != null
                    && session != null) {
                session.setAttribute(PREFIX + state, new Rendered(sha256(page.getContentAsByteArray()),
                        template.version(), confirmation.toString()));
            }
        }
        finally {
            page.copyBodyToResponse();
        }
    }

    /** The page last rendered for the authorization request with this state, in this request's session; removed. */
    static Optional<Rendered> take(String state) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || state == null) {
            return Optional.empty();
        }
        Object rendered = request.getAttribute(PREFIX + state, RequestAttributes.SCOPE_SESSION);
        if (rendered != null) {
            request.removeAttribute(PREFIX + state, RequestAttributes.SCOPE_SESSION);
        }
        return Optional.ofNullable((Rendered) rendered);
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
