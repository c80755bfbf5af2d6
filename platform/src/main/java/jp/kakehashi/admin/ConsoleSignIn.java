package jp.kakehashi.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import jp.kakehashi.audit.StaffActions;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's sign-in pages (C4): the password form (Spring Security processes it) and the TOTP second factor,
 * which turns a password-only session into a staff session with its roles.
 */
@Controller
class ConsoleSignIn {

    private final StaffAccounts accounts;
    private final StaffActions actions;

    ConsoleSignIn(StaffAccounts accounts, StaffActions actions) {
        this.accounts = accounts;
        this.actions = actions;
    }

    @GetMapping(ConsoleSecurity.LOGIN)
    String login() {
        return "console/login";
    }

    @GetMapping(ConsoleSecurity.SECOND_FACTOR_PAGE)
    String secondFactor(Authentication authentication) {
        if (authentication instanceof StaffAuthentication staff && staff.hasSecondFactor()) {
            return "redirect:/console";
        }
        return "console/otp";
    }

    @PostMapping(ConsoleSecurity.SECOND_FACTOR_PAGE)
    String secondFactor(@RequestParam(defaultValue = "") String code, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(authentication instanceof StaffAuthentication staff)) {
            return "redirect:" + ConsoleSecurity.LOGIN;
        }
        if (staff.hasSecondFactor()) {
            return "redirect:/console";
        }
        StaffMember member = staff.staff();
        if (!accounts.checkSecondFactor(member.id(), code.strip())) {
            boolean locked = accounts.isLocked(member.login());
            actions.record(member.id(), "console.sign-in.second-factor", null, locked ? "locked" : "failure",
                    Map.of());
            model.addAttribute(locked ? "locked" : "error", true);
            return "console/otp";
        }
        // a new session id for the session that now holds staff rights
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(StaffAuthentication.withSecondFactor(member));
        SecurityContextHolder.setContext(context);
        StaffSessions.CONTEXTS.saveContext(context, request, response);
        actions.record(member.id(), "console.sign-in.second-factor", null, "success", Map.of());
        return "redirect:/console";
    }
}
