package jp.kakehashi.oversight;

import java.util.Map;
import jp.kakehashi.admin.StaffAccounts;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.monitoring.CapacityCheck;
import jp.kakehashi.tpp.monitoring.CompensationCapacities;
import jp.kakehashi.tpp.monitoring.CompensationCapacity;
import jp.kakehashi.tpp.monitoring.TppMonitoring;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A TPP's compensation capacity (E5): funds and insurance as checked by staff, and whether it stands today. */
@Controller
class CapacityPages {

    private static final long MAX_YEN = 1_000_000_000_000L;

    private final Tpps tpps;
    private final StaffAccounts accounts;
    private final CompensationCapacities capacities;
    private final TppMonitoring monitoring;

    CapacityPages(Tpps tpps, CompensationCapacities capacities, TppMonitoring monitoring, StaffAccounts accounts) {
        this.accounts = accounts;
        this.tpps = tpps;
        this.capacities = capacities;
        this.monitoring = monitoring;
    }

    @GetMapping("/console/monitoring/tpps/{tppId}/capacity")
    String page(@PathVariable String tppId, Model model) {
        return show(tppId, model, null);
    }

    @PostMapping("/console/monitoring/tpps/{tppId}/capacity")
    String record(@PathVariable String tppId, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var input = new FormInput(form);
        var kind = input.choice("kind", CompensationCapacity.Kind.class);
        boolean insurance = kind.filter(k -> k == CompensationCapacity.Kind.INSURANCE).isPresent();
        String insurer = input.text("insurer", insurance);
        String policy = input.text("policyNumber", insurance);
        var amount = input.number("amountYen", 1, MAX_YEN);
        var validUntil = input.date("validUntil");
        var checkedOn = input.date("checkedOn");
        String note = input.text("note", false);
        validUntil.filter(day -> day.isBefore(monitoring.today()))
                .ifPresent(day -> input.problem("validUntil", "monitoring.form.ended"));
        checkedOn.filter(day -> day.isAfter(monitoring.today()))
                .ifPresent(day -> input.problem("checkedOn", "monitoring.form.future"));
        if (!input.valid()) {
            return show(tppId, model, input);
        }
        capacities.record(tpp(tppId).id(), kind.orElseThrow(), insurer, policy, amount.orElseThrow(),
                validUntil.orElseThrow(), MonitoringPages.staff(), checkedOn.orElseThrow(), note);
        redirect.addFlashAttribute("done", "capacity");
        return "redirect:/console/monitoring/tpps/" + tppId + "/capacity";
    }

    private String show(String tppId, Model model, FormInput refused) {
        var today = monitoring.today();
        var recorded = capacities.of(tppId);
        model.addAttribute("tpp", tpp(tppId));
        model.addAttribute("names", accounts.displayNames());
        model.addAttribute("today", today);
        model.addAttribute("capacities", recorded);
        model.addAttribute("state", CapacityCheck.stateOn(recorded, today));
        model.addAttribute("coveredYen", CapacityCheck.coveredYen(recorded, today));
        model.addAttribute("form", refused == null ? new FormInput(Map.of("checkedOn", today.toString())) : refused);
        model.addAttribute("refusedForm", refused != null);
        return "console/monitoring/capacity";
    }

    private Tpp tpp(String tppId) {
        return tpps.find(tppId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
