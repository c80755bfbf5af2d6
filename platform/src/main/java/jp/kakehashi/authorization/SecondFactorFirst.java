package jp.kakehashi.authorization;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.kakehashi.authorization.customer.CustomerAuthentication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Step-up on the bank's own pages (B3, B4): a signed-in customer who lacks the second factor a page needs is sent
 * to the second-factor page and back to the page afterwards (a page, never a form post, is replayed), instead of a
 * bare 403. Any other refusal stays a 403.
 */
class SecondFactorFirst implements AccessDeniedHandler {

    private final RequestCache requests = new HttpSessionRequestCache();
    private final RequestMatcher pages;

    SecondFactorFirst(RequestMatcher pages) {
        this.pages = pages;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        // Spring may hand a single mapped handler refusals of other requests too: those stay plain refusals
        if (!pages.matches(request) || !(authentication instanceof CustomerAuthentication)
                || CustomerScreensSecurity.hasSecondFactor(authentication)) {
            // not a step-up case (e.g. a form post without its CSRF token): refused as it is
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if ("GET".equals(request.getMethod())) {
            requests.saveRequest(request, response);
        }
        response.sendRedirect("/login/otp");
    }
}
