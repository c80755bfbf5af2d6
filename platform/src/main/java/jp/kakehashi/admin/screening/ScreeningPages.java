package jp.kakehashi.admin.screening;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import jp.kakehashi.admin.StaffAccounts;
import jp.kakehashi.admin.StaffAuthentication;
import jp.kakehashi.admin.StaffMember;
import jp.kakehashi.admin.StaffRequests;
import jp.kakehashi.shared.CustomerDateTimes;
import jp.kakehashi.tpp.TppLifecycle;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.screening.Assessment;
import jp.kakehashi.tpp.screening.Recommendation;
import jp.kakehashi.tpp.screening.Reference;
import jp.kakehashi.tpp.screening.Screening;
import jp.kakehashi.tpp.screening.ScreeningFile;
import jp.kakehashi.tpp.screening.ScreeningOutcome;
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
 * Screening in the console (A1, A3): the applications waiting, and per application the file where a reviewer starts
 * the screening, records a finding per item and references, and recommends a decision for an approver.
 */
@Controller
class ScreeningPages {

    private final Screening screening;
    private final ScreeningRequests filing;
    private final Tpps tpps;
    private final TppLifecycle lifecycle;
    private final StaffRequests requests;
    private final StaffAccounts staff;

    ScreeningPages(Screening screening, ScreeningRequests filing, Tpps tpps, TppLifecycle lifecycle,
            StaffRequests requests, StaffAccounts staff) {
        this.screening = screening;
        this.filing = filing;
        this.tpps = tpps;
        this.lifecycle = lifecycle;
        this.requests = requests;
        this.staff = staff;
    }

    @GetMapping("/console/screening")
    String list(Model model) {
        model.addAttribute("applied", tpps.inStatus(EnumSet.of(TppStatus.APPLIED)));
        model.addAttribute("screening", tpps.inStatus(EnumSet.of(TppStatus.SCREENING)));
        model.addAttribute("awaiting", Set.copyOf(screening.awaitingDecision()));
        model.addAttribute("decided", tpps.inStatus(EnumSet.of(TppStatus.APPROVED, TppStatus.REJECTED)));
        return "console/screening/list";
    }

    @GetMapping("/console/screening/{tppId}")
    String file(@PathVariable String tppId, Model model, Locale locale) {
        ScreeningFile file = screening.file(tppId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("file", file);
        model.addAttribute("history", lifecycle.history(tppId));
        model.addAttribute("decisionRequests", requests.about(tppId).stream()
                .filter(request -> request.kind().equals(ScreeningDecisionAction.KIND)).toList());
        model.addAttribute("names", staff.displayNames());
        model.addAttribute("dates", CustomerDateTimes.formatter(locale));
        model.addAttribute("assessments", Assessment.values());
        model.addAttribute("referenceKinds", Reference.Kind.values());
        return "console/screening/file";
    }

    @PostMapping("/console/screening/{tppId}/start")
    String start(@PathVariable String tppId, RedirectAttributes redirect) {
        return shown(tppId, screening.start(tppId, me().id()), "started", redirect);
    }

    @PostMapping("/console/screening/{tppId}/findings/{itemId}")
    String finding(@PathVariable String tppId, @PathVariable long itemId,
            @RequestParam(required = false) Assessment assessment, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        ScreeningOutcome outcome = screening.recordFinding(tppId, itemId, assessment, note, me().id());
        if (!outcome.done()) {
            redirect.addFlashAttribute("findingItem", itemId);
            redirect.addFlashAttribute("findingNote", note);
            redirect.addFlashAttribute("findingAssessment", assessment);
        }
        return shown(tppId, outcome, "finding", redirect) + "#item-" + itemId;
    }

    @PostMapping("/console/screening/{tppId}/references")
    String reference(@PathVariable String tppId, @RequestParam(required = false) Reference.Kind kind,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String issuer,
            @RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String validUntil,
            RedirectAttributes redirect) {
        LocalDate date = date(validUntil);
        boolean unreadable = !validUntil.isBlank() && date == null;
        ScreeningOutcome outcome = unreadable ? new ScreeningOutcome.Refused(ScreeningOutcome.Refusal.TEXT_MISSING)
                : screening.recordReference(tppId, new Reference(0, kind, name.strip(), issuer.strip(),
                        number.isBlank() ? null : number.strip(), date, me().id(), null));
        if (!outcome.done()) {
            redirect.addFlashAttribute("reference", new TypedReference(kind, name, issuer, number, validUntil));
        }
        return shown(tppId, outcome, "reference", redirect) + "#references";
    }

    @PostMapping("/console/screening/{tppId}/recommend")
    String recommend(@PathVariable String tppId, @RequestParam(required = false) Recommendation.Outcome outcome,
            @RequestParam(defaultValue = "") List<String> scopes, @RequestParam(defaultValue = "") String summary,
            RedirectAttributes redirect) {
        Optional<String> problem = filing.recommend(me(), tppId, outcome, Set.copyOf(scopes), summary);
        if (problem.isPresent()) {
            redirect.addFlashAttribute("error", problem.get());
            redirect.addFlashAttribute("recommendation", new TypedRecommendation(outcome, scopes, summary));
            return "redirect:/console/screening/" + tppId + "#recommend";
        }
        redirect.addFlashAttribute("done", "recommended");
        return "redirect:/console/screening/" + tppId;
    }

    /** What the reviewer typed into a refused reference form, shown again. */
    record TypedReference(Reference.Kind kind, String name, String issuer, String number, String validUntil)
            implements java.io.Serializable {
    }

    /** What the reviewer typed into a refused recommendation, shown again. */
    record TypedRecommendation(Recommendation.Outcome outcome, List<String> scopes, String summary)
            implements java.io.Serializable {

        TypedRecommendation {
            scopes = List.copyOf(scopes);
        }
    }

    private static String shown(String tppId, ScreeningOutcome outcome, String done, RedirectAttributes redirect) {
        switch (outcome) {
            case ScreeningOutcome.Done ignored -> redirect.addFlashAttribute("done", done);
            case ScreeningOutcome.Refused refused ->
                    redirect.addFlashAttribute("error", "screening.error." + refused.refusal().name());
            case ScreeningOutcome.LifecycleRefused refused ->
                    redirect.addFlashAttribute("error", "screening.error." + refused.refusal().name());
        }
        return "redirect:/console/screening/" + tppId;
    }

    /** The date typed (yyyy-MM-dd, as the date input sends it), or null for none or one that cannot be read. */
    private static LocalDate date(String value) {
        try {
            return value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static StaffMember me() {
        return StaffAuthentication.current().orElseThrow();
    }
}
