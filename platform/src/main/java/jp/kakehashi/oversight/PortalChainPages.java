package jp.kakehashi.oversight;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.portal.PortalAccounts;
import jp.kakehashi.tpp.TppApplication.ApiClass;
import jp.kakehashi.tpp.chain.ChainedParties;
import jp.kakehashi.tpp.monitoring.TppMonitoring;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where a TPP registers and withdraws its chained parties in the portal (F2). A date of first use is the TPP's prior
 * notice (事前届出); whether calls are then allowed depends on the handling the bank chose. A refused form comes back
 * on the home page with its messages and what was typed.
 */
@Controller
class PortalChainPages {

    private final PortalAccounts accounts;
    private final ChainedParties chains;
    private final TppMonitoring monitoring;

    PortalChainPages(PortalAccounts accounts, ChainedParties chains, TppMonitoring monitoring) {
        this.accounts = accounts;
        this.chains = chains;
        this.monitoring = monitoring;
    }

    @PostMapping("/portal/tpps/{tppId}/chained-parties")
    String register(@PathVariable String tppId, @RequestParam Map<String, String> form,
            @RequestParam(name = "apiClasses", required = false) List<String> classes, Principal principal,
            RedirectAttributes redirect) {
        own(principal, tppId);
        var input = new FormInput(form);
        String partyId = input.text("partyId", true);
        String name = input.text("name", true);
        var usedFrom = input.text("usedFrom", false) == null ? java.util.Optional.<java.time.LocalDate>empty()
                : input.date("usedFrom");
        usedFrom.filter(day -> day.isBefore(monitoring.today()))
                .ifPresent(day -> input.problem("usedFrom", "monitoring.form.past"));
        Set<ApiClass> apiClasses = EnumSet.noneOf(ApiClass.class);
        (classes == null ? List.<String>of() : classes).stream().filter(c -> c.equals("READ") || c.equals("PAYMENT"))
                .forEach(c -> apiClasses.add(ApiClass.valueOf(c)));
        if (input.valid()) {
            switch (chains.register(tppId, partyId, name, input.text("corporateNumber", false), apiClasses,
                    "portal:" + principal.getName())) {
                case REGISTERED -> {
                    usedFrom.ifPresent(day -> chains.recordNotice(tppId, partyId, day));
                    redirect.addFlashAttribute("chainDone", tppId);
                    return "redirect:/portal/home";
                }
                case MALFORMED_ID -> input.problem("partyId", "monitoring.chain.malformed-id");
                case ALREADY_REGISTERED -> input.problem("partyId", "monitoring.chain.already-registered");
                case NO_API_CLASS -> input.problem("apiClasses", "monitoring.chain.no-api-class");
            }
        }
        redirect.addFlashAttribute("chainForm", input);
        redirect.addFlashAttribute("chainFormTpp", tppId);
        return "redirect:/portal/home";
    }

    @PostMapping("/portal/tpps/{tppId}/chained-parties/{partyId}/withdraw")
    String withdraw(@PathVariable String tppId, @PathVariable String partyId, Principal principal,
            RedirectAttributes redirect) {
        own(principal, tppId);
        chains.withdraw(tppId, partyId);
        redirect.addFlashAttribute("chainDone", tppId);
        return "redirect:/portal/home";
    }

    private void own(Principal principal, String tppId) {
        if (!accounts.owns(principal.getName(), tppId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
