package jp.kakehashi.authorization.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.Optional;
import jp.kakehashi.authorization.customer.CustomerAuthentication;
import jp.kakehashi.authorization.grant.GrantChange;
import jp.kakehashi.authorization.grant.RequestedGrantChanges;
import jp.kakehashi.authorization.policy.ScopePolicy;
import jp.kakehashi.shared.ContentSecurityPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
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
    private final RegisteredClientRepository clients;
    private final RequestedGrantChanges changes;

    ConsentController(ConsentScreen screen, ScopePolicy policy, RegisteredClientRepository clients,
            RequestedGrantChanges changes) {
        this.screen = screen;
        this.policy = policy;
        this.clients = clients;
        this.changes = changes;
    }

    @GetMapping("/consent")
    String consent(@RequestParam("client_id") String clientId, @RequestParam("scope") String scope,
            @RequestParam("state") String state, Locale locale, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof CustomerAuthentication customer)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        var scopes = new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
        if (!scopes.stream().allMatch(policy::isKnown)) {
            // Spring only sends here scopes it validated; anything else is a hand-made URL
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        Optional<GrantChange> change;
        try {
            change = changes.awaitingConsent(state, customer.getName());
        }
        catch (RequestedGrantChanges.NotChangeable ended) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST); // it ended since the authorization request
        }
        // a merge's screen lists everything the connection will allow, as its tokens will (Grant Management §5.2)
        var view = screen.view(customer, clientId, ConsentDecisions.granted(scopes, change), locale)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        model.addAttribute("change", change.map(c -> screen.change(c, view)).orElse(null));
        // both forms post to the authorization endpoint, which sends the browser on to the client's redirect URI:
        // the page's form-action allows exactly the URIs registered for this client (CSP3 §6.4.1)
        RegisteredClient client = clients.findByClientId(clientId);
        response.setHeader(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.withFormTargets(
                client == null ? Set.of() : client.getRedirectUris()));
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
