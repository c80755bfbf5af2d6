package jp.kakehashi.oversight;

import java.util.List;
import java.util.Map;
import jp.kakehashi.admin.StaffAuthentication;
import jp.kakehashi.admin.StaffAccounts;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.monitoring.CapacityCheck;
import jp.kakehashi.tpp.monitoring.CompensationCapacities;
import jp.kakehashi.tpp.monitoring.ImprovementRequest;
import jp.kakehashi.tpp.monitoring.MonitoringAgreement;
import jp.kakehashi.tpp.monitoring.MonitoringReview;
import jp.kakehashi.tpp.monitoring.MonitoringSchedule;
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

/**
 * The console's monitoring pages (A5, A6): every TPP with its next review and what is open, and per TPP the agreed
 * monitoring, the reviews and the improvement requests. A refused form comes back with its messages and input.
 */
@Controller
class MonitoringPages {

    private final Tpps tpps;
    private final StaffAccounts accounts;
    private final TppMonitoring monitoring;
    private final CompensationCapacities capacities;

    MonitoringPages(Tpps tpps, TppMonitoring monitoring, CompensationCapacities capacities, StaffAccounts accounts) {
        this.accounts = accounts;
        this.tpps = tpps;
        this.monitoring = monitoring;
        this.capacities = capacities;
    }

    /** One line of the overview. */
    record Row(Tpp tpp, java.time.LocalDate nextDue, MonitoringSchedule.State reviewState, long openRequests,
            long overdueRequests, CapacityCheck.State capacity) {
    }

    @GetMapping({"/console/monitoring", "/console/monitoring/"})
    String overview(Model model) {
        var today = monitoring.today();
        List<Row> rows = tpps.all().stream().map(tpp -> {
            var due = monitoring.nextReviewDue(tpp.id());
            var requests = monitoring.requests(tpp.id());
            return new Row(tpp, due.orElse(null), due.map(d -> MonitoringSchedule.stateOn(d, today)).orElse(null),
                    requests.stream().filter(r -> r.status() != ImprovementRequest.Status.CLOSED).count(),
                    requests.stream().filter(r -> r.overdueOn(today)).count(),
                    CapacityCheck.stateOn(capacities.of(tpp.id()), today));
        }).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("today", today);
        return "console/monitoring/overview";
    }

    @GetMapping("/console/monitoring/tpps/{tppId}")
    String tpp(@PathVariable String tppId, Model model) {
        return show(tppId, model, Map.of());
    }

    @PostMapping("/console/monitoring/tpps/{tppId}/agreement")
    String agree(@PathVariable String tppId, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var input = new FormInput(form);
        String method = input.text("method", true);
        var depth = input.choice("depth", MonitoringAgreement.Depth.class);
        var months = input.number("frequencyMonths", 1, 36);
        String onSite = input.text("onSiteInspection", false);
        String majorChanges = input.text("majorChangeHandling", true);
        String information = input.text("informationToSubmit", true);
        var startsOn = input.date("startsOn");
        if (!input.valid()) {
            return show(tppId, model, Map.of("agreement", input));
        }
        monitoring.agree(new MonitoringAgreement(tpp(tppId).id(), method, depth.orElseThrow(),
                months.orElseThrow().intValue(), onSite, majorChanges, information, startsOn.orElseThrow(), staff(),
                null));
        return done(tppId, "agreement", redirect);
    }

    @PostMapping("/console/monitoring/tpps/{tppId}/reviews")
    String review(@PathVariable String tppId, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var input = new FormInput(form);
        var reviewedOn = input.date("reviewedOn");
        String findings = input.text("findings", true);
        var outcome = input.choice("outcome", MonitoringReview.Outcome.class);
        reviewedOn.filter(day -> day.isAfter(monitoring.today()))
                .ifPresent(day -> input.problem("reviewedOn", "monitoring.form.future"));
        if (!input.valid()) {
            return show(tppId, model, Map.of("review", input));
        }
        monitoring.recordReview(tpp(tppId).id(), reviewedOn.orElseThrow(), staff(), findings, outcome.orElseThrow());
        return done(tppId, "review", redirect);
    }

    @PostMapping("/console/monitoring/tpps/{tppId}/requests")
    String request(@PathVariable String tppId, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var input = new FormInput(form);
        String finding = input.text("finding", true);
        var dueOn = input.date("dueOn");
        dueOn.filter(day -> !day.isAfter(monitoring.today()))
                .ifPresent(day -> input.problem("dueOn", "monitoring.form.deadline-past"));
        Long reviewId = input.text("reviewId", false) == null ? null
                : input.number("reviewId", 1, Long.MAX_VALUE).orElse(null);
        if (!input.valid()) {
            return show(tppId, model, Map.of("request", input));
        }
        monitoring.requestImprovement(tpp(tppId).id(), reviewId, finding, dueOn.orElseThrow(), staff());
        return done(tppId, "request", redirect);
    }

    @PostMapping("/console/monitoring/tpps/{tppId}/requests/{requestId}/answer")
    String answer(@PathVariable String tppId, @PathVariable long requestId, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        var input = new FormInput(form);
        String answer = input.text("answer", true);
        if (!input.valid()) {
            return show(tppId, model, Map.of("answer-" + requestId, input));
        }
        ownRequest(tppId, requestId);
        return monitoring.answer(requestId, answer) ? done(tppId, "answer", redirect)
                : refused(tppId, "not-open", redirect);
    }

    @PostMapping("/console/monitoring/tpps/{tppId}/requests/{requestId}/close")
    String close(@PathVariable String tppId, @PathVariable long requestId, RedirectAttributes redirect) {
        ownRequest(tppId, requestId);
        return monitoring.close(requestId, staff()) ? done(tppId, "close", redirect)
                : refused(tppId, "not-answered", redirect);
    }

    private String show(String tppId, Model model, Map<String, FormInput> forms) {
        Tpp tpp = tpp(tppId);
        var today = monitoring.today();
        var agreement = monitoring.agreement(tppId);
        var due = monitoring.nextReviewDue(tppId);
        model.addAttribute("tpp", tpp);
        model.addAttribute("names", accounts.displayNames());
        model.addAttribute("today", today);
        model.addAttribute("agreement", agreement.orElse(null));
        model.addAttribute("nextDue", due.orElse(null));
        model.addAttribute("reviewState", due.map(d -> MonitoringSchedule.stateOn(d, today)).orElse(null));
        model.addAttribute("reviews", monitoring.reviews(tppId));
        model.addAttribute("requests", monitoring.requests(tppId));
        model.addAttribute("forms", forms);
        model.addAttribute("agreementForm", forms.getOrDefault("agreement", agreementInput(agreement)));
        model.addAttribute("reviewForm", forms.getOrDefault("review", FormInput.empty()));
        model.addAttribute("requestForm", forms.getOrDefault("request", FormInput.empty()));
        return "console/monitoring/tpp";
    }

    private static FormInput agreementInput(java.util.Optional<MonitoringAgreement> agreement) {
        return agreement.map(a -> {
            var values = new java.util.HashMap<String, String>();
            values.put("method", a.method());
            values.put("depth", a.depth().name());
            values.put("frequencyMonths", Integer.toString(a.frequencyMonths()));
            values.put("onSiteInspection", a.onSiteInspection() == null ? "" : a.onSiteInspection());
            values.put("majorChangeHandling", a.majorChangeHandling());
            values.put("informationToSubmit", a.informationToSubmit());
            values.put("startsOn", a.startsOn().toString());
            return new FormInput(values);
        }).orElseGet(FormInput::empty);
    }

    private void ownRequest(String tppId, long requestId) {
        monitoring.request(requestId).filter(request -> request.tppId().equals(tppId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Tpp tpp(String tppId) {
        return tpps.find(tppId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static String staff() {
        return StaffAuthentication.current().orElseThrow().id();
    }

    private static String done(String tppId, String what, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", what);
        return "redirect:/console/monitoring/tpps/" + tppId;
    }

    private static String refused(String tppId, String why, RedirectAttributes redirect) {
        redirect.addFlashAttribute("refused", why);
        return "redirect:/console/monitoring/tpps/" + tppId;
    }
}
