package jp.kakehashi.admin.tpps;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.admin.Requested;
import jp.kakehashi.admin.StaffAccounts;
import jp.kakehashi.admin.StaffAuthentication;
import jp.kakehashi.admin.StaffMember;
import jp.kakehashi.admin.StaffRequest;
import jp.kakehashi.admin.StaffRequests;
import jp.kakehashi.audit.StaffActions;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppApplications;
import jp.kakehashi.tpp.TppLifecycle;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.Transition;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The TPP list and page, activation, and the forms that request a lifecycle move (A6, C5). */
@Controller
class TppConsole {

    private final Tpps tpps;
    private final TppApplications applications;
    private final TppLifecycle lifecycle;
    private final StaffRequests requests;
    private final StaffAccounts accounts;
    private final StaffActions actions;

    TppConsole(Tpps tpps, TppApplications applications, TppLifecycle lifecycle, StaffRequests requests,
            StaffAccounts accounts, StaffActions actions) {
        this.tpps = tpps;
        this.applications = applications;
        this.lifecycle = lifecycle;
        this.requests = requests;
        this.accounts = accounts;
        this.actions = actions;
    }

    @GetMapping("/console/tpps")
    String list(@RequestParam Optional<TppStatus> status, Model model) {
        model.addAttribute("tpps", status.map(s -> tpps.inStatus(List.of(s))).orElseGet(tpps::all));
        model.addAttribute("statuses", TppStatus.values());
        model.addAttribute("selected", status.orElse(null));
        return "console/tpps";
    }

    @GetMapping("/console/tpps/{id}")
    String show(@PathVariable String id, Model model) {
        Tpp tpp = tpp(id);
        model.addAttribute("tpp", tpp);
        // not "application": Thymeleaf reserves that name for the servlet context
        model.addAttribute("tppApplication", applications.find(id).orElse(null));
        model.addAttribute("history", lifecycle.history(id).reversed());
        model.addAttribute("clients", tpps.clientsOf(id));
        model.addAttribute("pending", requests.about(id).stream()
                .filter(r -> r.status() == StaffRequest.Status.PENDING).toList());
        model.addAttribute("names", accounts.displayNames());
        model.addAttribute("moves", TppMove.allowedFrom(tpp.status()));
        return "console/tpp";
    }

    @GetMapping("/console/tpps/{id}/{move:restrict|suspend|resume|revoke}")
    String form(@PathVariable String id, @PathVariable String move, Model model) {
        model.addAttribute("tpp", tpp(id));
        model.addAttribute("move", move);
        model.addAttribute("reason", "");
        model.addAttribute("chosen", List.of());
        return "console/tpp-request";
    }

    @PostMapping("/console/tpps/{id}/{move:restrict|suspend|resume|revoke}")
    String request(@PathVariable String id, @PathVariable String move, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") List<String> scopes, Model model, RedirectAttributes redirect) {
        Tpp tpp = tpp(id);
        TppMove kind = TppMove.ofPath(move).orElseThrow();
        StaffMember staff = StaffAuthentication.current().orElseThrow();
        Map<String, String> payload = kind == TppMove.RESTRICT
                ? Map.of(TppMoveAction.SCOPES, String.join(",", scopes)) : Map.of();
        Requested outcome = requests.request(staff, kind.kind(), id, payload, reason);
        if (outcome instanceof Requested.Refused refused) {
            // the form again, with what was typed and what is wrong
            model.addAttribute("tpp", tpp);
            model.addAttribute("move", move);
            model.addAttribute("reason", reason);
            model.addAttribute("chosen", scopes);
            model.addAttribute("refusal", refused.detail() != null ? refused.detail()
                    : "console.request.refusal." + refused.refusal().name());
            return "console/tpp-request";
        }
        redirect.addFlashAttribute("requested", move);
        return "redirect:/console/tpps/" + id;
    }

    @PostMapping("/console/tpps/{id}/activate")
    String activate(@PathVariable String id, RedirectAttributes redirect) {
        StaffMember staff = StaffAuthentication.current().orElseThrow();
        Transition outcome = lifecycle.activate(tpp(id).id(), staff.id());
        actions.record(staff.id(), "tpp.activate", id, outcome.moved() ? "success" : "refused",
                outcome instanceof Transition.Refused refused ? Map.of("refusal", refused.refusal().name()) : Map.of());
        if (outcome instanceof Transition.Refused refused) {
            redirect.addFlashAttribute("refusal", "console.tpp.refusal." + refused.refusal().name());
        }
        else {
            redirect.addFlashAttribute("activated", true);
        }
        return "redirect:/console/tpps/" + id;
    }

    private Tpp tpp(String id) {
        return tpps.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
