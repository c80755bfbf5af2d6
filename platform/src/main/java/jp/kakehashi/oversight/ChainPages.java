package jp.kakehashi.oversight;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.admin.StaffAccounts;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppApplication.ApiClass;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.chain.ChainAgreement;
import jp.kakehashi.tpp.chain.ChainDecision;
import jp.kakehashi.tpp.chain.ChainHandling;
import jp.kakehashi.tpp.chain.ChainedParties;
import jp.kakehashi.tpp.chain.ChainedParty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A TPP's chained parties in the console (F2): the bank's handling per API class, the registered parties with what
 * each may do now, and registering, approving, recording notice of and withdrawing parties.
 */
@Controller
class ChainPages {

    private final Tpps tpps;
    private final StaffAccounts accounts;
    private final ChainedParties chains;
    private final jp.kakehashi.tpp.monitoring.TppMonitoring monitoring;

    ChainPages(Tpps tpps, ChainedParties chains, jp.kakehashi.tpp.monitoring.TppMonitoring monitoring,
            StaffAccounts accounts) {
        this.accounts = accounts;
        this.tpps = tpps;
        this.chains = chains;
        this.monitoring = monitoring;
    }

    /** A party with the decision a call for it would get now, per API class. */
    record Row(ChainedParty party, Map<ApiClass, ChainDecision> now) {
    }

    @GetMapping("/console/tpps/{tppId}/chain")
    String page(@PathVariable String tppId, Model model) {
        return show(tppId, model, Map.of());
    }

    @PostMapping("/console/tpps/{tppId}/chain/handling")
    String choose(@PathVariable String tppId, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var input = new FormInput(form);
        var apiClass = input.choice("apiClass", ApiClass.class);
        var handling = input.choice("handling", ChainHandling.class);
        String conditions = input.text("conditions", false);
        if (input.valid() && chains.choose(tpp(tppId).id(), apiClass.orElseThrow(), handling.orElseThrow(),
                conditions, MonitoringPages.staff()) == ChainedParties.Choice.CONDITIONS_MISSING) {
            input.problem("conditions", "monitoring.chain.conditions-missing");
        }
        if (!input.valid()) {
            return show(tppId, model, Map.of("handling-" + form.getOrDefault("apiClass", ""), input));
        }
        return done(tppId, "handling", redirect);
    }

    @PostMapping("/console/tpps/{tppId}/chain/parties")
    String register(@PathVariable String tppId, @RequestParam Map<String, String> form,
            @RequestParam(name = "apiClasses", required = false) List<String> classes, Model model,
            RedirectAttributes redirect) {
        var input = new FormInput(form);
        String partyId = input.text("partyId", true);
        String name = input.text("name", true);
        Set<ApiClass> apiClasses = EnumSet.noneOf(ApiClass.class);
        (classes == null ? List.<String>of() : classes).stream().filter(c -> c.equals("READ") || c.equals("PAYMENT"))
                .forEach(c -> apiClasses.add(ApiClass.valueOf(c)));
        if (input.valid()) {
            switch (chains.register(tpp(tppId).id(), partyId, name, input.text("corporateNumber", false), apiClasses,
                    MonitoringPages.staff())) {
                case REGISTERED -> {
                    return done(tppId, "registered", redirect);
                }
                case MALFORMED_ID -> input.problem("partyId", "monitoring.chain.malformed-id");
                case ALREADY_REGISTERED -> input.problem("partyId", "monitoring.chain.already-registered");
                case NO_API_CLASS -> input.problem("apiClasses", "monitoring.chain.no-api-class");
            }
        }
        model.addAttribute("registerClasses", apiClasses);
        return show(tppId, model, Map.of("register", input));
    }

    @PostMapping("/console/tpps/{tppId}/chain/parties/{partyId}/approve")
    String approve(@PathVariable String tppId, @PathVariable String partyId, RedirectAttributes redirect) {
        return chains.approve(tpp(tppId).id(), partyId, MonitoringPages.staff()) ? done(tppId, "approved", redirect)
                : refused(tppId, "approve", redirect);
    }

    @PostMapping("/console/tpps/{tppId}/chain/parties/{partyId}/notice")
    String notice(@PathVariable String tppId, @PathVariable String partyId, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        var input = new FormInput(form);
        var allowedFrom = input.date("allowedFrom");
        if (!input.valid()) {
            return show(tppId, model, Map.of("notice-" + partyId, input));
        }
        return chains.recordNotice(tpp(tppId).id(), partyId, allowedFrom.orElseThrow())
                ? done(tppId, "noticed", redirect) : refused(tppId, "notice", redirect);
    }

    @PostMapping("/console/tpps/{tppId}/chain/parties/{partyId}/withdraw")
    String withdraw(@PathVariable String tppId, @PathVariable String partyId, RedirectAttributes redirect) {
        return chains.withdraw(tpp(tppId).id(), partyId) ? done(tppId, "withdrawn", redirect)
                : refused(tppId, "withdraw", redirect);
    }

    private String show(String tppId, Model model, Map<String, FormInput> forms) {
        Tpp tpp = tpp(tppId);
        Map<ApiClass, ChainAgreement> agreements = new EnumMap<>(ApiClass.class);
        chains.agreements(tppId).forEach(agreement -> agreements.put(agreement.apiClass(), agreement));
        List<Row> rows = chains.of(tppId).stream().map(party -> {
            Map<ApiClass, ChainDecision> now = new EnumMap<>(ApiClass.class);
            for (ApiClass apiClass : ApiClass.values()) {
                now.put(apiClass, chains.decide(tppId, party.partyId(), apiClass));
            }
            return new Row(party, now);
        }).toList();
        model.addAttribute("tpp", tpp);
        model.addAttribute("names", accounts.displayNames());
        model.addAttribute("apiClasses", ApiClass.values());
        model.addAttribute("agreements", agreements);
        model.addAttribute("rows", rows);
        model.addAttribute("forms", forms);
        model.addAttribute("today", monitoring.today());
        model.addAttribute("registerForm", forms.getOrDefault("register", FormInput.empty()));
        if (!model.containsAttribute("registerClasses")) {
            model.addAttribute("registerClasses", EnumSet.of(ApiClass.READ));
        }
        return "console/monitoring/chain";
    }

    private Tpp tpp(String tppId) {
        return tpps.find(tppId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String done(String tppId, String what, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", what);
        return "redirect:/console/tpps/" + tppId + "/chain";
    }

    private static String refused(String tppId, String what, RedirectAttributes redirect) {
        redirect.addFlashAttribute("refused", what);
        return "redirect:/console/tpps/" + tppId + "/chain";
    }
}
