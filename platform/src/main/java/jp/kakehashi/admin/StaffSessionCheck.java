package jp.kakehashi.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.audit.StaffActions;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every console request to the staff account as it is now (C4): a session carries the roles of its sign-in,
 * so without this an approver whose account was deactivated, or who lost a role, could go on acting until signing
 * out. A deactivated (or deleted) account's session ends at its next request; changed roles replace the session's.
 * Not a bean: it runs in the console chain only, before authorization.
 */
final class StaffSessionCheck extends OncePerRequestFilter {

    private final StaffAccounts accounts;
    private final StaffActions actions;

    StaffSessionCheck(StaffAccounts accounts, StaffActions actions) {
        this.accounts = accounts;
        this.actions = actions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof StaffAuthentication signedIn)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<StaffMember> now = accounts.findActive(signedIn.staff().id());
        if (now.isEmpty()) {
            end(signedIn, request, response);
            return;
        }
        if (!now.get().equals(signedIn.staff())) {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(signedIn.hasSecondFactor() ? StaffAuthentication.withSecondFactor(now.get())
                    : StaffAuthentication.passwordOnly(now.get()));
            SecurityContextHolder.setContext(context);
            StaffSessions.CONTEXTS.saveContext(context, request, response);
        }
        chain.doFilter(request, response);
    }

    /** The request is not served: the session forgets the staff member and the browser goes to the sign-in page. */
    private void end(StaffAuthentication signedIn, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        SecurityContextHolder.clearContext();
        StaffSessions.CONTEXTS.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        actions.record(signedIn.staff().id(), "console.session-ended", request.getRequestURI(), "inactive", Map.of());
        response.sendRedirect(request.getContextPath() + ConsoleSecurity.LOGIN + "?ended");
    }
}
