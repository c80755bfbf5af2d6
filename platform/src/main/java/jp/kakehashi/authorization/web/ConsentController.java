package jp.kakehashi.authorization.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import jakarta.servlet.http.HttpServletRequest;
import jp.kakehashi.authorization.customer.CustomerAuthentication;
import jp.kakehashi.authorization.policy.ScopePolicy;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The bank's consent screen (D1–D4), where Spring's authorization endpoint sends the signed-in customer. Its form
 * posts back to the authorization endpoint; {@link ConsentDecisions} records what was agreed.
 */
@Controller
class ConsentController {

    private final ConsentScreen screen;
    private final ScopePolicy policy;

    ConsentController(ConsentScreen screen, ScopePolicy policy) {
        this.screen = screen;
        this.policy = policy;
    }

    @GetMapping("/consent")
    String consent(@RequestParam("client_id") String clientId, @RequestParam("scope") String scope,
            @RequestParam("state") String state, Locale locale, Model model, HttpServletRequest request) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof CustomerAuthentication customer)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        var scopes = new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
        if (!scopes.stream().allMatch(policy::isKnown)) {
            // Spring only sends here scopes it validated; anything else is a hand-made URL
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        var view = screen.view(customer, clientId, scopes, locale)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        model.addAttribute("view", view);
        // D5: the confirmation as worded on the page, shown and kept with the consent record (RenderedConsentPages)
        String confirmation = screen.confirmation(view, screen.transferFor(state, customer, view) != null);
        model.addAttribute("confirmation", confirmation);
        request.setAttribute(RenderedConsentPages.CONFIRMATION, confirmation);
        model.addAttribute("clientId", clientId);
        model.addAttribute("state", state);
        model.addAttribute("scopes", scopes);
        model.addAttribute("customer", customer);
        return "consent";
    }
}
