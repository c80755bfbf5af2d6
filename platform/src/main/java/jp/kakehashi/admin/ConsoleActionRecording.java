package jp.kakehashi.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jp.kakehashi.audit.StaffActions;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every state-changing console request in the staff action log (C4), once, centrally: who, which path, which
 * outcome (the HTTP status, so refusals show too), and the names of the fields sent with the reason given. Reading
 * requests are recorded only when refused (403): an attempt beyond one's role is what a review looks for. Sign-in,
 * second factor and sign-out are recorded where they happen, with their own action names. Not a bean: it runs in the
 * console chain only.
 */
final class ConsoleActionRecording extends OncePerRequestFilter {

    private static final Set<String> RECORDED_ELSEWHERE = Set.of("/console/login", "/console/login/otp",
            "/console/logout");

    private final StaffActions actions;

    ConsoleActionRecording(StaffActions actions) {
        this.actions = actions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return RECORDED_ELSEWHERE.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean reading = Set.of("GET", "HEAD", "OPTIONS").contains(request.getMethod());
        String outcome = "error";
        try {
            chain.doFilter(request, response);
            outcome = Integer.toString(response.getStatus());
        }
        finally {
            if (!reading || outcome.equals("403")) {
                actions.record(staffId(), "console." + (reading ? "denied" : request.getMethod().toLowerCase()),
                        request.getRequestURI(), outcome, details(request));
            }
        }
    }

    private static String staffId() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof StaffAuthentication staff ? staff.staff().id() : "anonymous";
    }

    private static Map<String, Object> details(HttpServletRequest request) {
        Map<String, Object> details = new TreeMap<>();
        // values stay out (they may hold customer data); the reason is what the log is for
        details.put("fields", request.getParameterMap().keySet().stream().filter(name -> !name.equals("_csrf"))
                .sorted().toList());
        String reason = request.getParameter("reason");
        if (reason != null) {
            details.put("reason", reason);
        }
        return details;
    }
}
