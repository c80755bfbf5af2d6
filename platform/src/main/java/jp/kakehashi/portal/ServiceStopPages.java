package jp.kakehashi.portal;

import java.security.Principal;
import jp.kakehashi.tpp.TppLifecycle;
import jp.kakehashi.tpp.Transition;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The TPP stops its own service (C5): at once, with a reason the bank sees; its tokens stop working like in a
 * suspension. Coming back is the bank's decision (resume by maker and checker).
 */
@Controller
class ServiceStopPages {

    private final PortalAccounts accounts;
    private final TppLifecycle lifecycle;

    ServiceStopPages(PortalAccounts accounts, TppLifecycle lifecycle) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
    }

    @PostMapping("/portal/tpps/{tppId}/stop")
    String stop(@PathVariable String tppId, @RequestParam(defaultValue = "") String reason, Principal principal,
            RedirectAttributes redirect) {
        if (!accounts.owns(principal.getName(), tppId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Transition stopped = lifecycle.stopByTpp(tppId, reason.strip(), principal.getName());
        if (stopped instanceof Transition.Refused refused) {
            redirect.addFlashAttribute("stopRefusal", refused.refusal().name());
            redirect.addFlashAttribute("stopTpp", tppId);
            redirect.addFlashAttribute("stopReason", reason);
            return "redirect:/portal/home";
        }
        return "redirect:/portal/home?stopped";
    }
}
