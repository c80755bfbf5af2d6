package jp.kakehashi.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every portal page, whichever area's controller renders it, the signed-in account as {@code portalAccount}
 * for the layout's navigation (null when nobody is signed in to the portal).
 */
@ControllerAdvice
class PortalAccountModel {

    @ModelAttribute("portalAccount")
    String portalAccount(HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/portal")) {
            return null;
        }
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn == null || signedIn instanceof AnonymousAuthenticationToken || !signedIn.isAuthenticated()
                ? null : signedIn.getName();
    }
}
