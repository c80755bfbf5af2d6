package jp.kakehashi.authorization.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import jp.kakehashi.authorization.customer.CustomerAuthentication;
import jp.kakehashi.authorization.customer.CustomerCredentials;
import jp.kakehashi.authorization.customer.UnusableTotpSeed;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The bank's sign-in pages (B2): the password page (Spring's form login processes it) and the second-factor page
 * for step-up (B3), which raises the signed-in customer to the MFA level and returns to where they were going.
 */
@Controller
class SignInController {

    private final CustomerCredentials credentials;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SavedRequestAwareAuthenticationSuccessHandler continuation =
            new SavedRequestAwareAuthenticationSuccessHandler();

    SignInController(CustomerCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
        continuation.setDefaultTargetUrl("/connected-services");
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/login/otp")
    String secondFactor(Model model) {
        return current() == null ? "redirect:/login" : "otp";
    }

    @PostMapping("/login/otp")
    String verifySecondFactor(@RequestParam("code") String code, HttpServletRequest request,
            HttpServletResponse response, Model model) throws IOException, jakarta.servlet.ServletException {
        CustomerAuthentication customer = current();
        if (customer == null) {
            return "redirect:/login";
        }
        var credential = credentials.byCustomerId(customer.customerId()).orElseThrow();
        var now = clock.instant();
        long step;
        try {
            step = credentials.matchingTotpStep(customer.customerId(), code.trim(), now);
        }
        catch (UnusableTotpSeed unusable) {
            // C2: the bank's stored seed is at fault (logged by CustomerTotpSeeds): a server error, no failed attempt
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            model.addAttribute("seedUnusable", true);
            return "otp";
        }
        if (credential.isLockedAt(now) || step < 0 || !credentials.claimTotpStep(customer.customerId(), step)) {
            if (step < 0) {
                credentials.recordFailure(customer.customerId(), 5, java.time.Duration.ofMinutes(30), now);
            }
            model.addAttribute("error", true);
            return "otp";
        }
        credentials.recordSuccess(customer.customerId());
        var context = holder.createEmptyContext();
        var steppedUp = customer.steppedUp("otp", now);
        context.setAuthentication(steppedUp);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        continuation.onAuthenticationSuccess(request, response, steppedUp);
        return null;
    }

    private CustomerAuthentication current() {
        return holder.getContext().getAuthentication() instanceof CustomerAuthentication customer ? customer : null;
    }
}
